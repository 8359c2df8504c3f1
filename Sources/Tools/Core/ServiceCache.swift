import Store

/// Services a session makes on first use and shares between its calls (the key vault, say),
/// one per type. Core knows no domain: each domain asks for its own service type.
public final class ServiceCache: Sendable {
    /// The services made so far, by type.
    private let made = Locked<[ObjectIdentifier: any Sendable]>([:])

    /// An empty cache.
    public init() {}

    /// The session's `Service`, made by `make` if this is the first use; a failure is not
    /// cached, so the next call tries again. `make` must not use the cache itself.
    public func value<Service: Sendable>(_ type: Service.Type = Service.self, make: () throws -> Service) throws -> Service {
        try made.withLock { made in
            if let service = made[ObjectIdentifier(type)] as? Service { return service }
            let service = try make()
            made[ObjectIdentifier(type)] = service
            return service
        }
    }
}
