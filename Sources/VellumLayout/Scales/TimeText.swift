import Foundation
import VellumData
import VellumSpec

/// Times and durations as data files and specs write them, read into seconds: ISO 8601 dates and datetimes (with
/// or without a zone; none means UTC), and lengths such as `6h`, `90 min`, `1.5 days`.
enum TimeText {
  /// A time unit a number may count (`unit:` on a time or duration axis), in seconds.
  static let units: [(names: [String], seconds: Double)] = [
    (["ns"], 1e-9), (["us", "µs"], 1e-6), (["ms"], 1e-3), (["s", "sec", "second", "seconds"], 1),
    (["min", "minute", "minutes", "m"], 60), (["h", "hour", "hours"], 3600), (["d", "day", "days"], 86_400),
    (["w", "week", "weeks"], 604_800),
  ]

  /// The names `unit:` takes.
  static let unitNames = ["ns", "us", "ms", "s", "min", "h", "d"]

  /// `unit:` of a time or duration axis: what a number in the data counts.
  static let unitKey = SpecKey(
    "unit", SpecSchema.enumeration(unitNames),
    "what a number in the data counts (time: since 1970-01-01 UTC; duration: elapsed)", defaultValue: "s")

  /// An ISO 8601 date or datetime as ``instant(_:)`` reads it.
  static let instantSchema = JSONValue.object([
    "type": "string",
    "pattern": .string(
      #"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?\s*$"#
    ),
  ])
  /// A length such as `90 min` as ``duration(_:)`` reads it.
  static let durationSchema = JSONValue.object([
    "type": "string", "pattern": .string(#"^\s*[-+]?[0-9.eE+-]+\s*[a-zµ]+\s*$"#),
  ])

  /// The seconds one `unit:` stands for.
  static func unit(_ map: SpecMapping) throws -> Double {
    try map.optional("unit") { node in
      let name = try node.string("a time unit")
      guard unitNames.contains(name), let unit = seconds(per: name) else {
        throw node.error(unknownNameMessage(name, kind: "time unit", candidates: unitNames))
      }
      return unit
    } ?? 1
  }

  static func seconds(per name: String) -> Double? { units.first { $0.names.contains(name) }?.seconds }

  /// A plain decimal number, as the data stage reads one (`0x10` is not one).
  static func number(_ text: String) -> Double? {
    DecimalParser.number(text).flatMap { $0.isFinite ? $0 : nil }
  }

  /// `6h`, `90 min`, `1.5 days`, `2 weeks` in seconds; nil for text that is not a length.
  static func duration(_ text: String) -> Double? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let split = trimmed.firstIndex(where: { $0.isLetter || $0 == "µ" }) else { return nil }
    guard let count = number(String(trimmed[..<split])), let unit = seconds(per: String(trimmed[split...])) else {
      return nil
    }
    let value = count * unit
    return value.isFinite ? value : nil
  }

  /// `1 month`, `3 months`, `1 year`, `2 years` as a number of months; nil otherwise.
  static func months(_ text: String) -> Int? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let split = trimmed.firstIndex(where: \.isLetter),
      let count = Int(trimmed[..<split].trimmingCharacters(in: .whitespaces)),
      count > 0, count <= 12_000
    else { return nil }
    switch trimmed[split...] {
    case "month", "months", "mo": return count
    case "year", "years", "y": return count * 12
    default: return nil
    }
  }

  /// An ISO 8601 date or datetime in Unix seconds: `2024-03-01`, `2024-03-01T12:30`, `2024-03-01 12:30:05.25`,
  /// with `Z`, `+02:00`, `+0200` or `-05` after the time; no zone means UTC. Nil for anything else.
  static func instant(_ text: String) -> Double? {
    let bytes = Array(text.trimmingCharacters(in: .whitespaces).utf8)
    var index = 0
    func digits(_ count: Int) -> Int? {
      guard index + count <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[index..<index + count] {
        guard byte >= 48 && byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      index += count
      return value
    }
    func take(_ character: Character) -> Bool {
      guard index < bytes.count, bytes[index] == character.asciiValue! else { return false }
      index += 1
      return true
    }
    guard let year = digits(4), take("-"), let month = digits(2), take("-"), let day = digits(2),
      (1...12).contains(month), day >= 1, day <= DateTicks.daysIn(year: year, month: month)
    else { return nil }
    var seconds = Double(DateTicks.daysFromCivil(year: year, month: month, day: day)) * 86_400
    guard index < bytes.count else { return seconds }
    guard take("T") || take(" "), let hour = digits(2), take(":"), let minute = digits(2), hour < 24, minute < 60
    else { return nil }
    seconds += Double(hour * 3600 + minute * 60)
    if take(":") {
      guard let second = digits(2), second < 61 else { return nil }
      seconds += Double(second)
      if take(".") || take(",") {
        let start = index
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
        guard index > start, let fraction = Double("0." + String(decoding: bytes[start..<index], as: UTF8.self))
        else { return nil }
        seconds += fraction
      }
    }
    if take("Z") { return index == bytes.count ? seconds : nil }
    guard index < bytes.count else { return seconds }
    let sign: Double
    if take("+") { sign = 1 } else if take("-") { sign = -1 } else { return nil }
    guard let zoneHours = digits(2), zoneHours <= 14 else { return nil }
    var zoneMinutes = 0
    if index < bytes.count {
      _ = take(":")
      guard let minutes = digits(2), minutes < 60 else { return nil }
      zoneMinutes = minutes
    }
    guard index == bytes.count else { return nil }
    // 12:00+02:00 is 10:00 UTC.
    return seconds - sign * Double(zoneHours * 3600 + zoneMinutes * 60)
  }
}
