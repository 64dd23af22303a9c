// Benchmarks; see README.
