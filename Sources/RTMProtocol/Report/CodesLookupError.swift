/// A `codes` query that names no enum, code or value; its message names the close matches.
public enum CodesLookupError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A single name that is neither an enum type nor a code of any enum.
    case unknownName(String, suggestions: [String])
    /// The first of two arguments is not an enum type name.
    case unknownEnum(String, suggestions: [String])
    /// The enum has no case with this name.
    case unknownCase(typeName: String, name: String, suggestions: [String])
    /// The enum has no case with this value.
    case unknownValue(typeName: String, value: Int, validValues: [Int])
    /// No enum has a case with this value.
    case noCodeWithValue(Int)
    /// More than two arguments were given.
    case tooManyArguments([String])

    /// One or two sentences naming what was not found and what is close.
    public var description: String {
        switch self {
        case .unknownName(let name, let suggestions):
            "'\(name)' is neither an enum nor a code name." + didYouMean(suggestions)
        case .unknownEnum(let name, let suggestions):
            "Unknown enum '\(name)'." + didYouMean(suggestions)
        case .unknownCase(let typeName, let name, let suggestions):
            "\(typeName) has no code named '\(name)'." + didYouMean(suggestions)
        case .unknownValue(let typeName, let value, let validValues):
            "\(typeName) has no code with value \(value). Its values are "
                + validValues.map(String.init).joined(separator: ", ") + "."
        case .noCodeWithValue(let value):
            "No enum has a code with value \(value)."
        case .tooManyArguments(let arguments):
            "Expected at most an enum and a code, got \(arguments.count) arguments: "
                + arguments.joined(separator: " ") + "."
        }
    }

    private func didYouMean(_ suggestions: [String]) -> String {
        switch suggestions.count {
        case 0: " No close match; list the enums with `rtmcheck codes`."
        case 1: " Did you mean \(suggestions[0])?"
        default: " Did you mean one of: " + suggestions.joined(separator: ", ") + "?"
        }
    }
}
