import Foundation

/// matplotlib's date ticks in UTC: `AutoDateLocator` placement and `ConciseDateFormatter` labels.
///
/// Times are Unix seconds (UTC, no leap seconds, proleptic Gregorian calendar, like Python's `datetime`).
/// Internally every instant is a whole number of microseconds, because that is the resolution of the `datetime`
/// values matplotlib's locator and formatter work on, and integer arithmetic keeps calendar boundaries exact.
/// Checked against matplotlib itself by `Tests/Reference/date_ticks.json` (`scripts/reference_date_ticks.py`).
enum DateTicks {
  /// Tick positions, in Unix seconds, that matplotlib's `AutoDateLocator().tick_values(vmin, vmax)` returns.
  ///
  /// Like matplotlib, yearly ticks run from the interval multiple at or before `vmin` to the one at or after `vmax`
  /// (so they can fall outside the range: callers drawing an axis drop those); every other frequency keeps only
  /// ticks inside [vmin, vmax]. The limits may come in either order. A singular range should be widened first
  /// (see `nonsingular`), as matplotlib's axis does before it asks for ticks.
  static func ticks(from vmin: Double, to vmax: Double) -> [Double] {
    guard isDate(vmin), isDate(vmax) else { return [] }
    let (low, high) = (micros(min(vmin, vmax)), micros(max(vmin, vmax)))
    return locate(low, high).map { Double($0) / 1e6 }
  }

  /// Labels for `ticks` (Unix seconds) and the offset string, as matplotlib's `ConciseDateFormatter` gives them.
  ///
  /// The labels show only the calendar field the ticks differ in (years, months, days, hours, minutes or seconds),
  /// naming the bigger unit where it rolls over ("2005" for January, "Mar" for the 1st, "Mar-05" for midnight);
  /// the offset names what all ticks share, taken from the last tick, and is empty when the labels already
  /// say it (years differ, or monthly labels include a year).
  static func labels(_ ticks: [Double]) -> (labels: [String], offset: String) {
    guard !ticks.isEmpty else { return ([], "") }
    guard ticks.allSatisfy(isDate) else { return (ticks.map { _ in "" }, "") }
    let times = ticks.map { labelTime($0) }
    let fields = times.map { [$0.year, $0.month, $0.day, $0.hour, $0.minute, $0.second] }

    // The level is the finest field that varies across the ticks: 0 years, 1 months, 2 days, 3 hours, 4 minutes,
    // 5 seconds. If nothing varies (one tick, or only microseconds differ) matplotlib labels seconds.
    var level = 5
    var showOffset = true
    for candidate in stride(from: 5, through: 0, by: -1) {
      let unique = Set(fields.map { $0[candidate] })
      if unique.count > 1 {
        // A January (or year-1) tick prints its year as the label, so the offset would repeat it.
        if candidate < 2 && unique.contains(1) { showOffset = false }
        level = candidate
        break
      }
    }

    // A tick at the "zero" of its level (January, the 1st, midnight, a whole minute) gets the coarser format.
    let zeroValues = [0, 1, 1, 0, 0, 0]
    var labels = times.enumerated().map { index, time -> String in
      let isZero =
        level < 5 ? fields[index][level] == zeroValues[level] : (time.second == 0 && time.microsecond == 0)
      return format(time, isZero ? zeroFormats[level] : formats[level])
    }

    // Seconds print as "%S.%f"; matplotlib strips the trailing zeros every such label shares (and a bare point),
    // so whole seconds read "05" and half seconds "05.5" / "06.0".
    if level == 5 {
      let trailing = labels.filter { $0.contains(".") }.map { $0.count - trimmingZeros($0).count }.min() ?? 0
      if trailing > 0 {
        labels = labels.map { label in
          guard label.contains(".") else { return label }
          var cut = String(label.dropLast(trailing))
          while cut.hasSuffix(".") { cut.removeLast() }
          return cut
        }
      }
    }
    return (labels, showOffset ? format(times[times.count - 1], offsetFormats[level]) : "")
  }

  /// The limits in order, widened as matplotlib's `AutoDateLocator.nonsingular` does when they are equal.
  ///
  /// An empty range gets two years (of 365.25 days) each way; without it the locator would fall through to
  /// microsecond ticks around the single instant.
  static func nonsingular(_ vmin: Double, _ vmax: Double) -> (Double, Double) {
    let (low, high) = (min(vmin, vmax), max(vmin, vmax))
    guard low == high else { return (low, high) }
    let twoYears = 2 * 365.25 * 86_400.0
    return (low - twoYears, high + twoYears)
  }

  /// Whether `seconds` lies within matplotlib's date range, years 1 to 9999 (which also keeps the microsecond
  /// arithmetic far from overflowing).
  private static func isDate(_ seconds: Double) -> Bool {
    seconds >= -62_135_596_800 && seconds < 253_402_300_800
  }

  // MARK: - Locator

  private static let microsPerSecond: Int64 = 1_000_000
  private static let microsPerMinute: Int64 = 60 * microsPerSecond
  private static let microsPerHour: Int64 = 60 * microsPerMinute
  private static let microsPerDay: Int64 = 24 * microsPerHour

  /// AutoDateLocator's frequencies, in its order (which is also the index into its per-frequency tables).
  private enum Frequency: Int, CaseIterable {
    case yearly, monthly, daily, hourly, minutely, secondly, microsecondly
  }

  /// The fewest ticks a frequency must give to be chosen (`minticks`).
  private static let minTicks = 5
  /// The most ticks per frequency (`maxticks`); the interval grows until the span fits in `maxTicks - 1` steps.
  private static let maxTicks = [11, 12, 11, 12, 11, 11, 8]
  /// `intervald`, with matplotlib's `interval_multiples` swap of 3 → 4 (and no 21) for days, so that day-of-month
  /// ticks don't bunch up at month ends (…, 28, 31, 1).
  private static let intervals: [[Int64]] = [
    [1, 2, 4, 5, 10, 20, 40, 50, 100, 200, 400, 500, 1000, 2000, 4000, 5000, 10000],
    [1, 2, 3, 4, 6],
    [1, 2, 4, 7, 14],
    [1, 2, 3, 4, 6, 12],
    [1, 5, 10, 15, 30],
    [1, 5, 10, 15, 30],
    [
      1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100_000, 200_000, 500_000,
      1_000_000,
    ],
  ]

  /// `AutoDateLocator.get_locator` followed by the chosen locator's `tick_values`, on microsecond instants.
  private static func locate(_ low: Int64, _ high: Int64) -> [Int64] {
    // How many whole units of each frequency the range spans. Years and months follow dateutil's relativedelta
    // (calendar months, the start's day clipped to short months); the rest are floors of the elapsed time.
    let span = high - low
    let months = wholeMonths(from: low, to: high)
    let counts: [Int64] = [
      months / 12, months, floorDiv(span, microsPerDay), floorDiv(span, microsPerHour),
      floorDiv(span, microsPerMinute), floorDiv(span, microsPerSecond), span,
    ]

    // The first frequency with at least `minTicks` units wins; then the first interval that fits `maxTicks`, or
    // the largest interval when none does (matplotlib keeps the last one it tried).
    var frequency = Frequency.microsecondly
    var interval: Int64 = 1
    for candidate in Frequency.allCases where counts[candidate.rawValue] >= minTicks {
      let steps = intervals[candidate.rawValue]
      let limit = Int64(maxTicks[candidate.rawValue] - 1)
      interval = steps.first { counts[candidate.rawValue] <= $0 * limit } ?? steps[steps.count - 1]
      frequency = candidate
      break
    }

    switch frequency {
    case .yearly:
      return yearTicks(low, high, base: interval)
    case .microsecondly:
      return microsecondTicks(low, high, step: interval)
    case .monthly, .daily, .hourly, .minutely, .secondly:
      // With interval_multiples the rrule steps one unit at a time and the interval becomes a filter on the
      // field's value (months 1, 4, 7, 10; hours 0, 6, 12, 18…). Days are special: 7 and 14 would give a tick on
      // the 29th next to the 1st, so matplotlib uses the 1st, 8th, 15th, 22nd and the 1st, 15th instead.
      let allowed: Set<Int>
      switch (frequency, interval) {
      case (.daily, 14): allowed = [1, 15]
      case (.daily, 7): allowed = [1, 8, 15, 22]
      case (.monthly, _): allowed = Set(stride(from: 1, through: 12, by: Int(interval)))
      case (.daily, _): allowed = Set(stride(from: 1, through: 31, by: Int(interval)))
      case (.hourly, _): allowed = Set(stride(from: 0, through: 23, by: Int(interval)))
      default: allowed = Set(stride(from: 0, through: 59, by: Int(interval)))
      }
      let ticks = ruleTicks(low, high, frequency: frequency, allowed: allowed)
      // RRuleLocator falls back to the limits themselves when the rule has no occurrence between them.
      return ticks.isEmpty ? [low, high] : ticks
    }
  }

  /// `RRuleLocator.tick_values` for a unit-step rule: the unit boundaries in [low, high] whose field is allowed.
  ///
  /// matplotlib starts the rrule a whole range before `low`, but with a step of one unit that only moves where
  /// the rule starts counting, not which instants match, and it keeps occurrences within [low, high] inclusive.
  private static func ruleTicks(_ low: Int64, _ high: Int64, frequency: Frequency, allowed: Set<Int>) -> [Int64] {
    var ticks: [Int64] = []
    if frequency == .monthly {
      // The first of each month at midnight.
      let (first, last) = (civil(low), civil(high))
      var (year, month) = (first.year, first.month)
      while (year, month) <= (last.year, last.month) {
        let instant = micros(year: year, month: month, day: 1)
        if allowed.contains(month) && instant >= low && instant <= high { ticks.append(instant) }
        (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
      }
      return ticks
    }
    // Days, hours, minutes and seconds are fixed lengths of UTC time, so their boundaries are multiples of it.
    let unit: Int64
    let field: (Int64) -> Int
    switch frequency {
    case .daily:
      unit = microsPerDay
      field = { civil($0).day }
    case .hourly:
      unit = microsPerHour
      field = { Int(floorMod(floorDiv($0, microsPerHour), 24)) }
    case .minutely:
      unit = microsPerMinute
      field = { Int(floorMod(floorDiv($0, microsPerMinute), 60)) }
    default:
      unit = microsPerSecond
      field = { Int(floorMod(floorDiv($0, microsPerSecond), 60)) }
    }
    var index = floorDiv(low, unit)
    while index * unit <= high {
      let instant = index * unit
      if instant >= low && allowed.contains(field(instant)) { ticks.append(instant) }
      index += 1
    }
    return ticks
  }

  /// `YearLocator(base)`: January 1st of every base-th year, from the multiple at or before `low`'s year to the
  /// one at or after `high`'s year (clamped to years 1…9999), including those outside the range.
  private static func yearTicks(_ low: Int64, _ high: Int64, base: Int64) -> [Int64] {
    let start = civil(low)
    let firstYear = max(floorDiv(Int64(start.year), base) * base, 1)
    let lastYear = min(ceilDiv(Int64(civil(high).year), base) * base, 9999)
    let ticks = stride(from: firstYear, through: lastYear, by: Int(base)).map {
      micros(year: Int($0), month: 1, day: 1)
    }
    // matplotlib builds its window by replacing vmin's year, month, day, hour, minute and second but not its
    // microsecond, while the rrule drops microseconds: a fractional-second vmin loses the first year's tick.
    return start.microsecond != 0 ? Array(ticks.dropFirst()) : ticks
  }

  /// `MicrosecondLocator(step)`: multiples of `step` µs counted from the start of `low`'s day, one step beyond
  /// each end (matplotlib's MultipleLocator pads both sides). Only ranges under five seconds get here.
  ///
  /// matplotlib does this in floating-point days since 1970, whose round-off (hundredths of a µs) decides whether
  /// a limit lying on a multiple counts as on it, so this repeats the same float operations in the same order and
  /// converts back the way `num2date` does.
  private static func microsecondTicks(_ low: Int64, _ high: Int64, step: Int64) -> [Int64] {
    let microsPerDayFloat = 86_400_000_000.0
    var nmin = daysSinceEpoch(low)
    var nmax = daysSinceEpoch(high)
    let t0 = nmin.rounded(.down)
    nmin = (nmin - t0) * microsPerDayFloat
    nmax = (nmax - t0) * microsPerDayFloat
    // MultipleLocator.tick_values with `_Edge_integer(step, 0)`.
    let size = Double(step)
    let (quotient, remainder) = pythonDivmod(nmin, size)
    let first = (abs(remainder / size) < 1e-10 ? quotient : quotient + 1) * size
    let count = pythonDivmod(nmax - first + 0.001 * size, size).quotient
    guard count.isFinite, count > -3 else { return [] }
    return (0..<Int(count + 3)).map { index in
      let days = (first - size + Double(index) * size) / microsPerDayFloat + t0
      return dateFromDays(days)
    }
  }

  /// matplotlib's `date2num` of a microsecond instant: whole seconds and the rest in nanoseconds, added as floats
  /// and then divided into days.
  private static func daysSinceEpoch(_ instant: Int64) -> Double {
    let seconds = floorDiv(instant, microsPerSecond)
    let nanoseconds = (instant - seconds * microsPerSecond) * 1000
    return (Double(seconds) + Double(nanoseconds) / 1e9) / 86_400
  }

  /// matplotlib's `num2date` of float days: rounded to whole µs, and to 20 µs more than 70 years from 1970.
  private static func dateFromDays(_ days: Double) -> Int64 {
    let instant = Int64((days * 86_400_000_000.0).rounded(.toNearestOrEven))
    return abs(days) > 70 * 365 ? roundedTo20Micros(instant) : instant
  }

  /// num2date's round-off fix far from 1970: the microseconds within the second rounded (half to even) to 20 µs.
  private static func roundedTo20Micros(_ instant: Int64) -> Int64 {
    let second = floorDiv(instant, microsPerSecond) * microsPerSecond
    let steps = (Double(instant - second) / 20).rounded(.toNearestOrEven)
    return second + Int64(steps) * 20
  }

  /// Python's float `divmod` (floor quotient, remainder with the divisor's sign), as NumPy computes it.
  private static func pythonDivmod(_ x: Double, _ y: Double) -> (quotient: Double, remainder: Double) {
    var remainder = x.truncatingRemainder(dividingBy: y)
    var division = (x - remainder) / y
    if remainder != 0 {
      if (y < 0) != (remainder < 0) {
        remainder += y
        division -= 1
      }
    } else {
      remainder = Double(signOf: y, magnitudeOf: 0)
    }
    guard division != 0 else { return (Double(signOf: x / y, magnitudeOf: 0), remainder) }
    var quotient = division.rounded(.down)
    if division - quotient > 0.5 { quotient += 1 }
    return (quotient, remainder)
  }

  /// Calendar months from `low` to `high` as dateutil's `relativedelta(high, low)` counts them: the most months
  /// that can be added to `low` (clipping its day to the target month's length) without passing `high`.
  private static func wholeMonths(from low: Int64, to high: Int64) -> Int64 {
    let start = civil(low)
    let end = civil(high)
    var months = (end.year - start.year) * 12 + (end.month - start.month)
    while months > 0 && adding(months: months, to: start) > high { months -= 1 }
    return Int64(max(months, 0))
  }

  /// `start` moved by whole months, keeping its time of day and clipping its day to the month's length.
  private static func adding(months: Int, to start: Civil) -> Int64 {
    let total = start.year * 12 + (start.month - 1) + months
    let (year, month) = (Int(floorDiv(Int64(total), 12)), Int(floorMod(Int64(total), 12)) + 1)
    let day = min(start.day, daysIn(year: year, month: month))
    return micros(year: year, month: month, day: day) + start.timeOfDay
  }

  /// The first of every `every`-th month (counted from January of year 0) within [vmin, vmax], in Unix seconds:
  /// a time axis's `ticks: {step: 3 months}`.
  static func monthStarts(from vmin: Double, to vmax: Double, every: Int) -> [Double] {
    guard isDate(vmin), isDate(vmax), every > 0 else { return [] }
    let (low, high) = (civil(micros(min(vmin, vmax))), civil(micros(max(vmin, vmax))))
    let first = low.year * 12 + low.month - 1
    let last = high.year * 12 + high.month - 1
    guard (last - first) / every < 10_000 else { return [] }
    var ticks: [Double] = []
    for total in first...last where total % every == 0 {
      let start = micros(year: total / 12, month: total % 12 + 1, day: 1)
      let seconds = Double(start) / 1e6
      if seconds >= min(vmin, vmax) && seconds <= max(vmin, vmax) { ticks.append(seconds) }
    }
    return ticks
  }

  // MARK: - Formatter

  /// ConciseDateFormatter's default formats per level: years, months, days, hours, minutes, seconds.
  private static let formats = ["%Y", "%b", "%d", "%H:%M", "%H:%M", "%S.%f"]
  /// Formats for ticks at their level's zero: the previous level's format, except midnight shows month and day.
  private static let zeroFormats = ["", "%Y", "%b", "%b-%d", "%H:%M", "%H:%M"]
  /// What the offset shows at each level: everything coarser than the labels.
  private static let offsetFormats = ["", "%Y", "%Y-%b", "%Y-%b-%d", "%Y-%b-%d", "%Y-%b-%d %H:%M"]
  private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  /// The calendar time matplotlib's `num2date` gives for a tick: microsecond resolution, and more than 70 years
  /// from 1970 it rounds to 20 µs (half to even) to hide the float-of-days round-off.
  private static func labelTime(_ seconds: Double) -> Civil {
    let instant = micros(seconds)
    return civil(abs(seconds / 86_400) > 70 * 365 ? roundedTo20Micros(instant) : instant)
  }

  /// The few `strftime` directives the formats use, in the C locale.
  private static func format(_ time: Civil, _ pattern: String) -> String {
    var result = ""
    var directive = false
    for character in pattern {
      guard directive else {
        if character == "%" { directive = true } else { result.append(character) }
        continue
      }
      directive = false
      switch character {
      case "Y": result += String(time.year)
      case "b": result += monthNames[time.month - 1]
      case "d": result += padded(time.day, 2)
      case "H": result += padded(time.hour, 2)
      case "M": result += padded(time.minute, 2)
      case "S": result += padded(time.second, 2)
      case "f": result += padded(time.microsecond, 6)
      default: result += "%" + String(character)
      }
    }
    return result
  }

  private static func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  private static func trimmingZeros(_ text: String) -> Substring {
    var trimmed = Substring(text)
    while trimmed.hasSuffix("0") { trimmed.removeLast() }
    return trimmed
  }

  // MARK: - Civil time

  /// A UTC calendar date and time of day.
  private struct Civil {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    var microsecond: Int

    var timeOfDay: Int64 {
      Int64(hour) * microsPerHour + Int64(minute) * microsPerMinute + Int64(second) * microsPerSecond
        + Int64(microsecond)
    }
  }

  /// Unix seconds to whole microseconds, rounding half to even as Python's `datetime.fromtimestamp` does.
  private static func micros(_ seconds: Double) -> Int64 {
    Int64((seconds * 1e6).rounded(.toNearestOrEven))
  }

  /// Midnight UTC starting the given date, in microseconds since 1970.
  private static func micros(year: Int, month: Int, day: Int) -> Int64 {
    daysFromCivil(year: year, month: month, day: day) * microsPerDay
  }

  private static func civil(_ instant: Int64) -> Civil {
    let days = floorDiv(instant, microsPerDay)
    let (year, month, day) = civilFromDays(days)
    let time = instant - days * microsPerDay
    return Civil(
      year: year, month: month, day: day, hour: Int(time / microsPerHour),
      minute: Int(time % microsPerHour / microsPerMinute), second: Int(time % microsPerMinute / microsPerSecond),
      microsecond: Int(time % microsPerSecond))
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
    let y = Int64(month <= 2 ? year - 1 : year)
    let era = floorDiv(y, 400)
    let yearOfEra = y - era * 400
    let monthFromMarch = Int64(month > 2 ? month - 3 : month + 9)
    let dayOfYear = (153 * monthFromMarch + 2) / 5 + Int64(day) - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
  private static func civilFromDays(_ days: Int64) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = floorDiv(z, 146_097)
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthFromMarch = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
    let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (Int(year), Int(month), Int(day))
  }

  /// Days in a month of the proleptic Gregorian calendar.
  static func daysIn(year: Int, month: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let quotient = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
  }

  private static func ceilDiv(_ a: Int64, _ b: Int64) -> Int64 { -floorDiv(-a, b) }

  private static func floorMod(_ a: Int64, _ b: Int64) -> Int64 { a - floorDiv(a, b) * b }
}
