import JSON
import Payments

/// Schema pieces and helpers the payment tools share.
enum PaymentSchemas {
    /// `agent_id`.
    static let agentID = JSONSchema.string("The paying agent's id (its wallet signs).", minLength: 1, maxLength: 128, pattern: "^[A-Za-z0-9_.:-]+$")
    /// `url`.
    static let url = JSONSchema.string("The absolute http:// or https:// URL to request.", minLength: 8, maxLength: 4096)
    /// `method`.
    static let method = JSONSchema.string("The HTTP method (default GET).", minLength: 1, maxLength: 16, pattern: "^[A-Za-z]+$")
    /// `headers`.
    static let headers = JSONSchema.object("Extra request headers, name to string value. Payment headers are the server's to write.", additionalProperties: true)
    /// `body`.
    static let body = JSONSchema.any("The request body: an object or array is sent as JSON, a string as text.")
    /// `protocol`.
    static let paymentProtocol = JSONSchema.string("Pay only with this protocol when a server offers several (default: the server's first payable offer).", enum: ["x402", "mpp"])
    /// `payment_id`.
    static let paymentID = JSONSchema.string("A payment id, pmt_….", minLength: 5, maxLength: 64, pattern: "^pmt_[0-9a-f]+$")
    /// `status` for list filters.
    static let state = JSONSchema.string("Only payments in this state.", enum: PaymentState.allCases.map(\.rawValue))

    /// The headers argument as an object, or `invalid_request`.
    static func headers(_ value: JSONValue?) throws -> JSONObject? {
        guard let value, !value.isNull else { return nil }
        guard let object = value.objectValue else { throw ToolFailure.invalidRequest("headers must be an object of name to string", field: "headers") }
        return object
    }
}

extension ToolContext {
    /// The payment service of this session.
    var payments: PaymentService {
        get throws {
            do { return try environment.paymentService() } catch let error as WalletError { throw error.failure }
        }
    }

    /// Runs payment code, turning wallet errors into tool failures.
    func payment<T>(_ body: (PaymentService) async throws -> T) async throws -> T {
        do {
            return try await body(try payments)
        } catch let error as WalletError {
            throw error.failure
        }
    }
}
