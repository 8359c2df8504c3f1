// The platform's C library, imported once for the whole module (and so re-exported: a module
// that imports this one sees the same C names). Linux (Glibc, Musl) and macOS (Darwin).
#if canImport(Darwin)
@_exported public import Darwin
#elseif canImport(Glibc)
@_exported public import Glibc
#elseif canImport(Musl)
@_exported public import Musl
#else
#error("TakMCP builds on Linux (Glibc or Musl) and macOS (Darwin) only")
#endif
