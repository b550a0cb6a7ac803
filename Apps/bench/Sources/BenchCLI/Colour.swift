import Foundation

/// Whether a report printed on standard output gets colour: this process's terminal and environment.
func terminalWantsColour() -> Bool {
    terminalWantsColour(isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
}

/// Colour only on a terminal, and never where NO_COLOR is set, whatever its value (https://no-color.org).
func terminalWantsColour(isTerminal: Bool, environment: [String: String]) -> Bool {
    isTerminal && environment["NO_COLOR"] == nil
}
