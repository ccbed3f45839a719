import Yams

extension Node {
  /// A plain scalar read with the basic resolver, as the spec's own nodes are: a node built with Yams' default tag
  /// would create its default resolver, which compiles its regular expressions with ICU (~3 ms of every run).
  static func key(_ text: String) -> Node { .scalar(Node.Scalar(text, basicTag())) }

  /// The tag of a plain scalar under the basic resolver.
  static func basicTag() -> Tag { Tag(.implicit, .basic) }
}
