package io.gatehouse.auth.authentication;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code encoding/csv} reader with {@code FieldsPerRecord = -1} and the other defaults, as
 * upstream's token file reader uses it: comma-separated fields, double-quoted fields with {@code ""}
 * for a quote (and line breaks inside), blank lines skipped, {@code \r\n} read as {@code \n}, no
 * trimming. Stateless.
 */
final class CsvRecords {

  private CsvRecords() {}

  /**
   * Parses {@code text} into records.
   *
   * @throws IllegalArgumentException with Go's {@code parse error on line L, column C: …} text
   */
  static List<List<String>> parse(String text) {
    String s = text.replace("\r\n", "\n");
    List<List<String>> records = new ArrayList<>();
    int i = 0;
    int line = 1;
    while (i < s.length()) {
      if (s.charAt(i) == '\n') {
        i++;
        line++;
        continue;
      }
      List<String> record = new ArrayList<>();
      while (true) {
        StringBuilder field = new StringBuilder();
        if (i < s.length() && s.charAt(i) == '"') {
          int quoteLine = line;
          int col = 1;
          i++;
          while (true) {
            if (i >= s.length()) {
              throw error(quoteLine, col, "extraneous or missing \" in quoted-field");
            }
            char c = s.charAt(i++);
            if (c == '"') {
              if (i < s.length() && s.charAt(i) == '"') {
                field.append('"');
                i++;
              } else if (i >= s.length() || s.charAt(i) == ',' || s.charAt(i) == '\n') {
                break;
              } else {
                throw error(line, i, "extraneous or missing \" in quoted-field");
              }
            } else {
              if (c == '\n') {
                line++;
              }
              field.append(c);
            }
          }
        } else {
          while (i < s.length() && s.charAt(i) != ',' && s.charAt(i) != '\n') {
            if (s.charAt(i) == '"') {
              throw error(line, i + 1, "bare \" in non-quoted-field");
            }
            field.append(s.charAt(i++));
          }
        }
        record.add(field.toString());
        if (i < s.length() && s.charAt(i) == ',') {
          i++;
          continue;
        }
        break;
      }
      if (i < s.length() && s.charAt(i) == '\n') {
        i++;
        line++;
      }
      records.add(List.copyOf(record));
    }
    return records;
  }

  private static IllegalArgumentException error(int line, int column, String message) {
    return new IllegalArgumentException(
        "parse error on line " + line + ", column " + column + ": " + message);
  }
}
