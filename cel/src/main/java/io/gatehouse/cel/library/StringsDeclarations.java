package io.gatehouse.cel.library;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import java.util.ArrayList;
import java.util.List;

/** The declarations of cel-go's strings extension per version, with cel-go's overload ids. */
final class StringsDeclarations {

  private static final CelType STRING = SimpleType.STRING;
  private static final CelType INT = SimpleType.INT;

  private StringsDeclarations() {}

  static List<CelFunctionDecl> forVersion(int version) {
    List<CelFunctionDecl> d = new ArrayList<>();
    d.add(fn("charAt", member("string_char_at_int", STRING, STRING, INT)));
    d.add(fn("indexOf",
        member("string_index_of_string", INT, STRING, STRING),
        member("string_index_of_string_int", INT, STRING, STRING, INT)));
    d.add(fn("lastIndexOf",
        member("string_last_index_of_string", INT, STRING, STRING),
        member("string_last_index_of_string_int", INT, STRING, STRING, INT)));
    d.add(fn("lowerAscii", member("string_lower_ascii", STRING, STRING)));
    d.add(fn("replace",
        member("string_replace_string_string", STRING, STRING, STRING, STRING),
        member("string_replace_string_string_int", STRING, STRING, STRING, STRING, INT)));
    d.add(fn("split",
        member("string_split_string", ListType.create(STRING), STRING, STRING),
        member("string_split_string_int", ListType.create(STRING), STRING, STRING, INT)));
    d.add(fn("substring",
        member("string_substring_int", STRING, STRING, INT),
        member("string_substring_int_int", STRING, STRING, INT, INT)));
    d.add(fn("trim", member("string_trim", STRING, STRING)));
    d.add(fn("upperAscii", member("string_upper_ascii", STRING, STRING)));
    d.add(fn("join",
        member("list_join", STRING, ListType.create(STRING)),
        member("list_join_string", STRING, ListType.create(STRING), STRING)));
    if (version >= 1) {
      d.add(fn("format",
          member(StringsLibrary.FORMAT_OVERLOAD, STRING, STRING, ListType.create(SimpleType.DYN))));
      d.add(fn("strings.quote", CelOverloadDecl.newGlobalOverload("strings_quote", STRING, STRING)));
    }
    return d;
  }

  private static CelFunctionDecl fn(String name, CelOverloadDecl... overloads) {
    return CelFunctionDecl.newFunctionDeclaration(name, overloads);
  }

  private static CelOverloadDecl member(String id, CelType result, CelType... args) {
    return CelOverloadDecl.newMemberOverload(id, result, args);
  }
}
