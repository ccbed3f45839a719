/// What `body` threw, as its one-line description, or "no error": tests compare messages exactly.
public func errorText(_ body: () throws -> Void) -> String {
  do {
    try body()
    return "no error"
  } catch {
    return "\(error)"
  }
}
