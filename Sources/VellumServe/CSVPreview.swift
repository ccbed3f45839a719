/// Reads back the first rows of the CSV `LayerDataExport` writes: fields split at commas, text in double quotes with
/// `""` for a quote. Its cells never hold a line break unquoted, and rows end with `\n`.
enum CSVPreview {
  static func rows(_ text: String, limit: Int) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var afterQuote = false
    for character in text {
      if rows.count >= limit { break }
      if quoted {
        if character == "\"" {
          quoted = false
          afterQuote = true
        } else {
          field.append(character)
        }
        continue
      }
      switch character {
      case "\"":
        // A quote right after a closing one is an escaped quote inside the field.
        if afterQuote { field.append("\"") }
        quoted = true
        afterQuote = false
      case ",":
        row.append(field)
        field = ""
        afterQuote = false
      case "\n":
        row.append(field)
        rows.append(row)
        row = []
        field = ""
        afterQuote = false
      default:
        field.append(character)
        afterQuote = false
      }
    }
    return rows
  }
}
