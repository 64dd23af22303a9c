import Foundation
import FrontDeskCLI

exit(FrontDesk.main(Array(CommandLine.arguments.dropFirst())))
