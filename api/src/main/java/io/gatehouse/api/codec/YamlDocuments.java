package io.gatehouse.api.codec;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.DocumentEndEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.events.StreamEndEvent;
import org.snakeyaml.engine.v2.events.StreamStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Splits a YAML stream into documents and builds each into a JSON-shaped value tree, from the
 * parser's events, so that every node keeps its line and every refused construct (alias, anchor,
 * duplicate key, complex key, unknown tag) is reported at its line.
 *
 * <p>A document-level problem skips that document and continues with the next; a syntax error ends
 * the stream. Not thread-safe; one instance per stream.
 */
final class YamlDocuments {

  /**
   * One document.
   *
   * @param line 1-based line where its content starts
   * @param value the value tree (null for an empty document)
   * @param lines the 1-based start line of every map node in the tree, by identity
   * @param size the document's size in code points
   */
  record Document(
      int line, @Nullable Object value, IdentityHashMap<Object, Integer> lines, long size) {}

  private static final LoadSettings SETTINGS =
      LoadSettings.builder()
          .setCodePointLimit(Integer.MAX_VALUE)
          .setUseMarks(true)
          .setLabel("input")
          .build();

  private final Iterator<Event> events;
  private IdentityHashMap<Object, Integer> lines = new IdentityHashMap<>();

  private YamlDocuments(String text) {
    this.events = new Parse(SETTINGS).parseString(text).iterator();
  }

  /**
   * Decodes every document of {@code text}, handing each to {@code documents} and each problem to
   * {@code errors}.
   */
  static void decode(String text, Consumer<Document> documents, Consumer<DecodeException> errors) {
    new YamlDocuments(text).run(documents, errors);
  }

  private void run(Consumer<Document> documents, Consumer<DecodeException> errors) {
    try {
      while (events.hasNext()) {
        Event e = events.next();
        if (e instanceof StreamStartEvent || e instanceof StreamEndEvent) {
          continue;
        }
        if (e instanceof DocumentStartEvent) {
          lines = new IdentityHashMap<>();
          Event first = events.next();
          if (first instanceof DocumentEndEvent) {
            continue;
          }
          int line = line(first);
          int startIndex = first.getStartMark().map(Mark::getIndex).orElse(0);
          try {
            Object value = node(first);
            Event end = events.next();
            int endIndex = end.getStartMark().map(Mark::getIndex).orElse(startIndex);
            documents.accept(
                new Document(line, value == YamlScalars.NULL ? null : value, lines,
                    (long) endIndex - startIndex));
          } catch (DecodeException problem) {
            errors.accept(problem);
            skipToDocumentEnd();
          }
        }
      }
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(1);
      errors.accept(new DecodeException(line, syntaxMessage(e)));
    } catch (YamlEngineException e) {
      errors.accept(new DecodeException(1, "yaml: " + e.getMessage()));
    }
  }

  private void skipToDocumentEnd() {
    while (events.hasNext()) {
      if (events.next() instanceof DocumentEndEvent) {
        return;
      }
    }
  }

  private Object node(Event e) {
    if (e instanceof AliasEvent) {
      throw new DecodeException(line(e), "YAML aliases are not supported");
    }
    if (e instanceof NodeEvent ne && ne.getAnchor().isPresent()) {
      throw new DecodeException(line(e), "YAML anchors are not supported");
    }
    if (e instanceof ScalarEvent s) {
      return scalar(s);
    }
    if (e instanceof SequenceStartEvent s) {
      checkCollectionTag(s.getTag().orElse(null), "tag:yaml.org,2002:seq", e);
      List<@Nullable Object> list = new ArrayList<>();
      for (Event next = events.next(); !(next instanceof org.snakeyaml.engine.v2.events.SequenceEndEvent);
          next = events.next()) {
        Object v = node(next);
        list.add(v == YamlScalars.NULL ? null : v);
      }
      return list;
    }
    if (e instanceof MappingStartEvent m) {
      checkCollectionTag(m.getTag().orElse(null), "tag:yaml.org,2002:map", e);
      Map<String, @Nullable Object> map = new LinkedHashMap<>();
      lines.put(map, line(e));
      for (Event next = events.next(); !(next instanceof org.snakeyaml.engine.v2.events.MappingEndEvent);
          next = events.next()) {
        String key = key(next);
        Object v = node(events.next());
        if (map.containsKey(key)) {
          throw new DecodeException(line(next), "key \"" + key + "\" already set in map");
        }
        map.put(key, v == YamlScalars.NULL ? null : v);
      }
      return map;
    }
    throw new DecodeException(line(e), "unexpected YAML event " + e.getEventId());
  }

  private String key(Event e) {
    if (!(e instanceof ScalarEvent s)) {
      if (e instanceof AliasEvent) {
        throw new DecodeException(line(e), "YAML aliases are not supported");
      }
      throw new DecodeException(line(e), "invalid map key: only scalar keys are supported");
    }
    if (s.getAnchor().isPresent()) {
      throw new DecodeException(line(e), "YAML anchors are not supported");
    }
    if (s.isPlain() && s.getValue().equals("<<") && s.getTag().isEmpty()) {
      throw new DecodeException(line(e), "YAML merge keys (<<) are not supported");
    }
    Object v = scalar(s);
    if (v == YamlScalars.NULL) {
      return "null";
    }
    if (v instanceof Double d) {
      return d.isInfinite() || d.isNaN() ? s.getValue() : Double.toString(d);
    }
    return String.valueOf(v);
  }

  private Object scalar(ScalarEvent s) {
    String tag = s.getTag().orElse(null);
    if (tag != null && !tag.equals("!")) {
      Object v = YamlScalars.resolveTagged(tag, s.getValue());
      if (v == null) {
        throw new DecodeException(
            line(s), "cannot decode " + s.getValue() + " as " + shortTag(tag));
      }
      return v;
    }
    if (s.getScalarStyle() != ScalarStyle.PLAIN || tag != null) {
      return s.getValue();
    }
    return YamlScalars.resolvePlain(s.getValue());
  }

  private static void checkCollectionTag(@Nullable String tag, String expected, Event e) {
    if (tag != null && !tag.equals(expected) && !tag.equals("!")) {
      throw new DecodeException(line(e), "unsupported YAML tag " + shortTag(tag));
    }
  }

  private static String shortTag(String tag) {
    return tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring(18) : tag;
  }

  private static int line(Event e) {
    return e.getStartMark().map(m -> m.getLine() + 1).orElse(1);
  }

  private static String syntaxMessage(MarkedYamlEngineException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    String text = context.isEmpty() ? problem : context + ": " + problem;
    return "yaml: " + text.replace('\n', ' ').trim();
  }
}
