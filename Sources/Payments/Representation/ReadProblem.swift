/// Why part of a 402 could not be read, in words.
struct ReadProblem: Error, Sendable, Equatable {
    /// What is wrong.
    var message: String
    /// A problem.
    init(_ message: String) { self.message = message }
}
