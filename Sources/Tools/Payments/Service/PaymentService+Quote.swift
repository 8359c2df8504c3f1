public import JSON
import Payments
import HTTP

extension PaymentService {
    /// `payment_quote`: makes the request without paying and reports every offer of a 402, the
    /// one the policy would pick and whether and why it would pay. Nothing is signed or journaled.
    public func quote(_ call: PaymentCall) async throws -> JSONObject {
        let policy = try currentPolicy()
        let response: HTTPResponse
        do {
            response = try await transport.send(call.request)
        } catch let error as HTTPTransportError {
            throw ToolFailure(code: .unreachable, message: "the request got no response: \(error.message)", details: ["field": "url"])
        }
        guard response.status == 402 else {
            return ["status": .integer(Int64(response.status)), "payment_required": false, "offers": [], "would_pay": false,
                    "reason": .string("the server answered \(response.status) without asking for payment")]
        }
        let challenge = PaymentChallenge(response: response)
        let now = self.now
        let context: PaymentRequestContext
        do {
            context = try PaymentRequestContext(method: call.request.method, url: call.request.url, body: call.request.body,
                                                maxAmountAtomic: call.maxAmountAtomic, now: now, protocols: call.protocols)
        } catch { throw ToolFailure.invalidRequest("url: \(error.message)", field: "url") }
        let totals = try journal.counted(on: Self.day(now))
        let selection = policy.select(challenge, for: context, spentToday: totals.counted)
        var result: JSONObject = ["status": 402, "payment_required": true, "offers": .array(selection.json)]
        if let reason = challenge.serverReason { result["server_reason"] = .string(reason) }
        if let chosen = selection.chosen {
            result["chosen"] = .integer(Int64(chosen.offer.index))
            result["would_pay"] = true
            result["needs_approval"] = .bool(policy.needsApproval(chosen.amount))
            result["reason"] = .string("would pay \(USDCUnits.decimal(chosen.amount)) USDC on \(chosen.deployment.network) to \(chosen.payTo.checksummed)"
                + (policy.needsApproval(chosen.amount) ? " after a person approves it (above --approve-above)" : ""))
        } else {
            result["chosen"] = .null
            result["would_pay"] = false
            result["reason"] = .string(challenge.offers.isEmpty ? challenge.notPayableExplanation : selection.refusal.map(\.description) ?? "")
            if let refusal = selection.refusal { result["rule"] = .string(refusal.rule.rawValue) }
        }
        let left = policy.dailyBudgetAtomic > totals.counted ? policy.dailyBudgetAtomic - totals.counted : 0
        result["budget_remaining_atomic"] = .string(String(left))
        return result
    }

    /// `payment_discover`: reads `/.well-known/mpp.json` (Tako's convention) and the x402
    /// discovery catalog `/discovery/resources` of `baseURL`, leniently. A hint only.
    public func discover(baseURL: String) async throws -> JSONObject {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        do { _ = try HTTPURL(parsing: base) } catch { throw ToolFailure.invalidRequest("base_url: \(error.message)", field: "base_url") }
        var result: JSONObject = ["base_url": .string(base),
                                  "note": "Discovery is a hint: prices and methods may differ from the live 402, which alone decides what is paid (see payment_quote)."]
        var endpoints: [JSONValue] = []
        var sources: [JSONValue] = []
        if let manifest = await fetchJSON(base + "/.well-known/mpp.json") {
            sources.append("/.well-known/mpp.json")
            let entries = manifest["endpoints"]?.arrayValue ?? manifest["resources"]?.arrayValue ?? []
            for entry in entries.prefix(200) {
                var endpoint: JSONObject = ["source": "mpp"]
                endpoint["path"] = entry["path"] ?? entry["url"] ?? .null
                endpoint["method"] = entry["method"] ?? .null
                endpoint["description"] = entry["description"] ?? .null
                endpoint["price"] = entry["price"] ?? entry["x-payment-info"] ?? entry["price_usd"] ?? .null
                endpoint["methods"] = entry["methods"] ?? .null
                endpoints.append(.object(endpoint))
            }
            if case .object(let endpointMap)? = manifest["endpoints"] {
                for (key, value) in endpointMap.members.prefix(200) { endpoints.append(["source": "mpp", "path": .string(key), "description": value]) }
            }
        }
        if let catalog = await fetchJSON(base + "/discovery/resources") {
            sources.append("/discovery/resources")
            for item in (catalog["items"]?.arrayValue ?? []).prefix(200) {
                let accepts = item["accepts"]?.arrayValue?.first
                endpoints.append(["source": "x402", "url": item["resource"] ?? .null, "x402_version": item["x402Version"] ?? .null,
                                  "scheme": accepts?["scheme"] ?? .null, "network": accepts?["network"] ?? .null,
                                  "amount_atomic": accepts?["amount"] ?? accepts?["maxAmountRequired"] ?? .null,
                                  "asset": accepts?["asset"] ?? .null])
            }
        }
        result["found"] = .array(sources)
        result["endpoints"] = .array(endpoints)
        return result
    }

    /// The JSON object at `url`, or nil for any failure (discovery is optional).
    func fetchJSON(_ url: String) async -> JSONValue? {
        guard let response = try? await transport.send(HTTPRequest(url: url, headers: ["Accept": "application/json"], timeout: .seconds(10))),
              response.status == 200, response.body.count <= 1 << 20, let value = try? JSONValue.parse(response.body),
              value.objectValue != nil else { return nil }
        return value
    }

    /// What a person reviews before approving `paymentID` (amount, payee, URL), and whether it
    /// still waits for approval.
    public func approvalQuestion(_ paymentID: String) throws -> (text: String, waiting: Bool) {
        guard let record = try journal.record(paymentID) else {
            throw ToolFailure(code: .notFound, message: "no payment \(paymentID); payment_list shows the journal", details: ["field": "payment_id"])
        }
        let offer = record.json["pending_offer"]?.objectValue ?? [:]
        let text = """
            Payment \(record.id) by agent \(record.agentID): \(record.json["request"]?["method"]?.stringValue ?? "GET") \(record.json["request"]?["url"]?.stringValue ?? "")
              pays \(offer["amount"]?.stringValue ?? "?") USDC (\(offer["amount_atomic"]?.stringValue ?? "?") atomic) on \(offer["network"]?.stringValue ?? "?") to \(offer["pay_to"]?.stringValue ?? "?")
              state: \(record.visibleState.rawValue)
            """
        return (text, record.state == .awaitingApproval && !offer.isEmpty)
    }

    /// A person approves `paymentID` (`tak-mcp payments approve`): the agent's next make_payment
    /// with the same idempotency_key pays, if the offer is to the same payee for at most this amount.
    public func approveAsPerson(_ paymentID: String) throws -> JSONObject {
        try journal.update(paymentID) { record in
            guard record.state == .awaitingApproval, let offer = record.json["pending_offer"]?.objectValue else {
                throw ToolFailure(code: .invalidStateTransition, message: "payment \(paymentID) is \(record.visibleState.rawValue); only a payment awaiting approval can be approved")
            }
            record.json["approval"] = ["approved_at": .string(timestamp), "by": "person (tak-mcp payments approve)",
                                       "amount_atomic": offer["amount_atomic"] ?? "0", "pay_to": offer["pay_to"] ?? ""]
        }.publicJSON
    }
}
