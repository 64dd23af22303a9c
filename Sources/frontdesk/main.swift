import FrontDeskCLI
import Foundation

exit(FrontDesk.main(Array(CommandLine.arguments.dropFirst())))
