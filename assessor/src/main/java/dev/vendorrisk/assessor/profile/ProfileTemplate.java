package dev.vendorrisk.assessor.profile;

import dev.vendorrisk.assessor.profile.ProfileSchema.Field;
import dev.vendorrisk.assessor.profile.ProfileSchema.FormerParentKind;
import dev.vendorrisk.assessor.profile.ProfileSchema.ListKind;
import dev.vendorrisk.assessor.profile.ProfileSchema.RecordType;

/**
 * A commented profile template with every key and every fact unknown (empty, that is null): what
 * {@code vra init} writes. Generated from the same model as the reader and with the same
 * descriptions as the JSON Schema, so it always lists exactly the keys the reader accepts.
 */
public final class ProfileTemplate {
    /** The vendor id the template carries; the one value a profile cannot leave unknown. */
    public static final String PLACEHOLDER_ID = "change-me";
    private static final int COMMENT_COLUMN = 40;

    private ProfileTemplate() {
    }

    /**
     * The template.
     *
     * @param schemaLocation where editors find the JSON Schema (the yaml-language-server modeline), or null for none
     */
    public static String yaml(String schemaLocation) {
        StringBuilder out = new StringBuilder();
        if (schemaLocation != null) {
            out.append("# yaml-language-server: $schema=").append(schemaLocation).append('\n');
        }
        out.append("# A vendor profile (schemaVersion 1): one service bought from one vendor.\n")
                .append("# Fill in what you know. A key left empty (null) means \"not known\": the assessor\n")
                .append("# reports it as an information gap and never assumes the safe answer.\n")
                .append("# false, 0 and [] are real answers; events that never happened are 'never' or 'none'.\n");
        write(ProfileSchema.PROFILE, 0, "", out);
        return out.toString();
    }

    private static void write(RecordType type, int indent, String prefix, StringBuilder out) {
        for (Field field : type.fields.values()) {
            String name = type.type.getRecordComponents()[field.component()].getName();
            String description = ProfileDescriptions.of(type.type, name);
            String value = "";
            if (type.type == VendorProfile.class && name.equals("schemaVersion")) {
                value = " " + ProfileChecks.SCHEMA_VERSION;
            } else if (type.type == Vendor.class && name.equals("id")) {
                value = " " + PLACEHOLDER_ID;
            }
            line(prefix + "  ".repeat(indent) + field.key() + ":" + value, description, out);
            if (field.kind() instanceof RecordType child) {
                write(child, indent + 1, prefix, out);
            } else if (field.kind() instanceof FormerParentKind parent) {
                write(parent.object(), indent + 1, "#", out);
            } else if (field.kind() instanceof ListKind list && list.item() instanceof RecordType item) {
                writeItem(item, indent + 1, out);
            }
        }
    }

    /** A list item's keys, commented out: the list itself stays unknown until one is filled in. */
    private static void writeItem(RecordType item, int indent, StringBuilder out) {
        boolean first = true;
        for (Field field : item.fields.values()) {
            String name = item.type.getRecordComponents()[field.component()].getName();
            String lead = "  ".repeat(indent) + (first ? "- " : "  ");
            line("#" + lead + field.key() + ":", ProfileDescriptions.of(item.type, name), out);
            first = false;
        }
    }

    private static void line(String text, String comment, StringBuilder out) {
        out.append(text);
        if (comment != null) {
            out.append(" ".repeat(Math.max(1, COMMENT_COLUMN - text.length()))).append("# ").append(comment);
        }
        out.append('\n');
    }
}
