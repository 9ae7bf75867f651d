package exchange

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// PGSchema is the PostgreSQL schema the tables load into, so they sit
// beside whatever else headquarters keeps in the database.
const PGSchema = "acedesk"

var pgTypes = map[FieldType]string{Text: "text", Integer: "integer", BigInt: "bigint", Boolean: "boolean", Date: "date", Timestamp: "timestamptz"}

// PGCreate is the DDL that makes the schema and tables if missing, and
// adds columns a database loaded by an older ACE Desk lacks, so a load
// works on an empty database and on one loaded before.
func PGCreate(tables []Data) []string {
	out := []string{"CREATE SCHEMA IF NOT EXISTS " + PGSchema}
	for _, d := range tables {
		var cols []string
		for _, f := range d.Fields {
			col := f.Name + " " + pgTypes[f.Type]
			if slices.Contains(d.Key, f.Name) {
				col += " NOT NULL"
			}
			if f.References != "" {
				col += " REFERENCES " + PGSchema + "." + f.References
			}
			cols = append(cols, col)
		}
		cols = append(cols, "PRIMARY KEY ("+strings.Join(d.Key, ", ")+")")
		out = append(out, "CREATE TABLE IF NOT EXISTS "+pgTable(d)+" (\n  "+strings.Join(cols, ",\n  ")+"\n)")
		for _, f := range d.Fields {
			if !slices.Contains(d.Key, f.Name) {
				out = append(out, "ALTER TABLE "+pgTable(d)+" ADD COLUMN IF NOT EXISTS "+f.Name+" "+pgTypes[f.Type])
			}
		}
		out = append(out, "COMMENT ON TABLE "+pgTable(d)+" IS "+pgLiteral(d.Title))
		for _, f := range d.Fields {
			out = append(out, "COMMENT ON COLUMN "+pgTable(d)+"."+f.Name+" IS "+pgLiteral(f.Header))
		}
	}
	return out
}

// PGStage makes the temporary table the rows are copied into first; it
// has the target's columns and types but none of its constraints, and
// goes away at commit.
func PGStage(d Data) string {
	return "CREATE TEMP TABLE " + PGStageName(d) + " (LIKE " + pgTable(d) + ") ON COMMIT DROP"
}

// PGStageName is the staging table of d.
func PGStageName(d Data) string { return "acedesk_stage_" + d.Name }

// PGColumns are d's column names in order.
func PGColumns(d Data) []string {
	out := make([]string, len(d.Fields))
	for i, f := range d.Fields {
		out[i] = f.Name
	}
	return out
}

// PGUpsert moves the staged rows into the table: new keys are inserted,
// known ones updated, and rows that did not change are left alone, so a
// second load of the same data writes nothing.
func PGUpsert(d Data) string {
	cols := strings.Join(PGColumns(d), ", ")
	q := "INSERT INTO " + pgTable(d) + " AS t (" + cols + ")\nSELECT " + cols + " FROM " + PGStageName(d) +
		"\nON CONFLICT (" + strings.Join(d.Key, ", ") + ") DO "
	var set, old, fresh []string
	for _, f := range d.Fields {
		if !slices.Contains(d.Key, f.Name) {
			set = append(set, f.Name+" = EXCLUDED."+f.Name)
			old = append(old, "t."+f.Name)
			fresh = append(fresh, "EXCLUDED."+f.Name)
		}
	}
	if len(set) == 0 {
		return q + "NOTHING"
	}
	return q + "UPDATE SET " + strings.Join(set, ", ") +
		"\nWHERE (" + strings.Join(old, ", ") + ") IS DISTINCT FROM (" + strings.Join(fresh, ", ") + ")"
}

func pgTable(d Data) string { return PGSchema + "." + d.Name }

func pgLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// WriteSQL writes a psql script that loads the tables in one transaction:
// the schema if missing, each table COPYed into a staging table, then
// upserted. Loading it again changes nothing.
func WriteSQL(w io.Writer, tables []Data, made time.Time) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	fmt.Fprintf(bw, "-- ACE Desk data for PostgreSQL, written %s.\n", made.UTC().Format(time.RFC3339))
	fmt.Fprintf(bw, "-- Load with: psql -v ON_ERROR_STOP=1 -f FILE.sql (into an empty or a loaded database;\n")
	fmt.Fprintf(bw, "-- loading again updates changed rows and inserts new ones, in one transaction).\n")
	bw.WriteString("\\set ON_ERROR_STOP on\nSET client_encoding = 'UTF8';\nBEGIN;\n")
	for _, stmt := range PGCreate(tables) {
		bw.WriteString(stmt + ";\n")
	}
	for _, d := range tables {
		fmt.Fprintf(bw, "\n-- %s: %d rows\n%s;\nCOPY %s (%s) FROM stdin;\n", d.Name, len(d.Rows), PGStage(d), PGStageName(d), strings.Join(PGColumns(d), ", "))
		for _, row := range d.Rows {
			for i, v := range row {
				if i > 0 {
					bw.WriteByte('\t')
				}
				bw.WriteString(CopyField(v, d.Fields[i].Type))
			}
			bw.WriteByte('\n')
		}
		bw.WriteString("\\.\n" + PGUpsert(d) + ";\n")
	}
	bw.WriteString("COMMIT;\n")
	return bw.Flush()
}

var copyEscaper = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)

// CopyField writes a value for COPY's text format: \N for NULL (and a
// zero time), and a backslash before the characters COPY reads
// specially, so no value can end a row or the data ("\.").
func CopyField(v any, t FieldType) string {
	if tm, ok := v.(time.Time); v == nil || ok && tm.IsZero() {
		return `\N`
	}
	return copyEscaper.Replace(FormatValue(v, t))
}
