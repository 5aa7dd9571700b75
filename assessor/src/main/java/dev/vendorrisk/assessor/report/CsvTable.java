package dev.vendorrisk.assessor.report;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * An RFC 4180 table written row by row through jackson-dataformat-csv: a header line, comma
 * separated, CRLF line ends, a field quoted (with doubled quotes) only when it holds a comma, a
 * quote or a line break. Null cells are empty.
 */
final class CsvTable {
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private final CsvSchema schema;
    private SequenceWriter rows;

    CsvTable(List<String> columns) {
        CsvSchema.Builder b = CsvSchema.builder();
        columns.forEach(b::addColumn);
        schema = b.build().withHeader().withLineSeparator("\r\n");
    }

    void start(Writer out) throws IOException {
        rows = MAPPER.writer(schema).writeValues(out);
    }

    /** One row, one cell per column in order. */
    void row(Object... cells) throws IOException {
        if (cells.length != schema.size()) {
            throw new IllegalArgumentException("a row needs " + schema.size() + " cells, got " + cells.length);
        }
        Object[] row = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            // Jackson drops null array elements instead of leaving the cell empty, which would shift columns
            row[i] = cells[i] == null ? "" : cells[i].toString();
        }
        rows.write(row);
    }

    void finish() throws IOException {
        rows.close();
    }
}
