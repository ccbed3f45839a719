import VellumScene

/// The `data-x` / `data-y` text of an axes group: `KIND LOW HIGH START END`, where KIND is `linear`,
/// `logit`, `log:BASE` or `symlog:BASE:LINTHRESH:LINSCALE`. Written by the SVG writer and read back by `vellum diff` with the
/// same code, so the two cannot disagree.
public enum AxisMappingText {
  public static func encode(_ mapping: AxisMapping) -> String {
    let kind: String
    switch mapping.transform {
    case .linear: kind = "linear"
    case .logit: kind = "logit"
    case .log(let base): kind = "log:" + NumberFormat.exact(base)
    case .symlog(let base, let linthresh, let linscale):
      kind = "symlog:" + [base, linthresh, linscale].map(NumberFormat.exact).joined(separator: ":")
    }
    return [kind, NumberFormat.exact(mapping.low), NumberFormat.exact(mapping.high)]
      .joined(separator: " ") + " " + [mapping.start, mapping.end].map(NumberFormat.format).joined(separator: " ")
  }

  /// The mapping, or nil for text this writer would not produce.
  public static func decode(_ text: String) -> AxisMapping? {
    let parts = text.split(separator: " ")
    guard parts.count == 5 else { return nil }
    let numbers = parts.dropFirst().compactMap { Double($0) }
    guard numbers.count == 4, numbers.allSatisfy(\.isFinite) else { return nil }
    let kind = parts[0].split(separator: ":")
    let parameters = kind.dropFirst().compactMap { Double($0) }
    let transform: AxisMapping.Transform
    switch (kind.first, parameters.count, kind.count) {
    case ("linear", 0, 1): transform = .linear
    case ("logit", 0, 1): transform = .logit
    case ("log", 1, 2) where parameters[0] > 0 && parameters[0] != 1: transform = .log(base: parameters[0])
    case ("symlog", 3, 4) where parameters[0] > 1 && parameters[1] > 0 && parameters[2] > 0:
      transform = .symlog(base: parameters[0], linthresh: parameters[1], linscale: parameters[2])
    default: return nil
    }
    return AxisMapping(low: numbers[0], high: numbers[1], start: numbers[2], end: numbers[3], transform: transform)
  }
}
