package org.boxoffice.platform.localrun;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a file written from {@code services.yaml}: each between a line holding
 * {@code BEGIN generated from services.yaml: <block>} and one holding {@code END generated from services.yaml: <block>},
 * in whatever comment syntax the file has (YAML, shell, XML, Go template or Java comments). The marker lines and
 * everything outside them are the file's own; a block's lines are indented like its BEGIN line.
 */
final class GeneratedBlocks {

    static final String BEGIN = "BEGIN generated from " + ServiceDeclaration.FILE + ": ";
    static final String END = "END generated from " + ServiceDeclaration.FILE + ": ";

    private static final Pattern MARKER = Pattern.compile("^([ \\t]*).*\\b(BEGIN|END) generated from "
            + Pattern.quote(ServiceDeclaration.FILE) + ": ([a-z-]+)", Pattern.MULTILINE);

    private GeneratedBlocks() {
    }

    /**
     * {@code text} with each named block's lines replaced by {@code blocks}' lines for it.
     *
     * @throws IllegalArgumentException naming a block the text lacks or marks wrongly
     */
    static String replace(String text, Map<String, List<String>> blocks) {
        Map<String, Block> found = find(text);
        List<String> missing = blocks.keySet().stream().filter(name -> !found.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("has no generated block " + String.join(", ", missing) + " (a line "
                    + "with \"" + BEGIN + "<block>\" and one with \"" + END + "<block>\" around it)");
        }
        StringBuilder result = new StringBuilder();
        int copied = 0;
        for (Map.Entry<String, Block> entry : found.entrySet()) {
            List<String> lines = blocks.get(entry.getKey());
            if (lines == null) {
                throw new IllegalArgumentException("has a generated block " + entry.getKey() + " nothing generates");
            }
            Block block = entry.getValue();
            result.append(text, copied, block.contentStart());
            lines.forEach(line -> result.append(line.isEmpty() ? "" : block.indent()).append(line).append('\n'));
            copied = block.contentEnd();
        }
        return result.append(text.substring(copied)).toString();
    }

    /** A block's content: from the line after its BEGIN line to its END line; its lines' indentation. */
    private record Block(int contentStart, int contentEnd, String indent) {
    }

    private static Map<String, Block> find(String text) {
        Map<String, Block> blocks = new LinkedHashMap<>();
        String open = null;
        String indent = "";
        int contentStart = -1;
        Matcher marker = MARKER.matcher(text);
        while (marker.find()) {
            String name = marker.group(3);
            if (marker.group(2).equals("BEGIN")) {
                if (open != null) {
                    throw new IllegalArgumentException("begins block " + name + " inside block " + open);
                }
                if (blocks.containsKey(name)) {
                    throw new IllegalArgumentException("has two generated blocks " + name);
                }
                open = name;
                indent = marker.group(1);
                int lineEnd = text.indexOf('\n', marker.end());
                contentStart = lineEnd < 0 ? text.length() : lineEnd + 1;
            } else {
                if (!name.equals(open)) {
                    throw new IllegalArgumentException("ends block " + name + " it did not begin");
                }
                blocks.put(name, new Block(contentStart, marker.start(), indent));
                open = null;
            }
        }
        if (open != null) {
            throw new IllegalArgumentException("never ends block " + open);
        }
        return blocks;
    }
}
