package exchange

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"acedesk/app"
)

// PGSchema is the PostgreSQL schema the tables load into, so they sit
// beside whatever else headquarters keeps in the database.
const PGSchema = app.PGSchema

var pgTypes = map[app.FieldType]string{app.FieldText: "text", app.FieldInteger: "integer", app.FieldBigInt: "bigint", app.FieldBoolean: "boolean", app.FieldDate: "date", app.FieldTimestamp: "timestamptz"}

// PGOtherSource is the SQLSTATE a load fails with when the schema holds
// another ACE Desk database's data; the error's DETAIL is that database's
// source.
const PGOtherSource = "AD001"

// PGCreate is what a load runs first: it makes the schema and tables if
// missing, adds columns a database loaded by an older ACE Desk lacks, so
// a load works on an empty database and on one loaded before, and claims
// the schema for source, the ACE Desk database being loaded. A load
// deletes what its database no longer has, so a schema claimed by another
// database is refused before anything changes: two databases' local IDs
// would collide, and each load would delete the other's rows. A schema
// without a claim (empty, or loaded by an ACE Desk that did not record
// one) becomes source's. The row lock makes concurrent loads take turns.
func PGCreate(source string, tables []app.DataTable) []string {
	src := pgLiteral(source)
	out := []string{"CREATE SCHEMA IF NOT EXISTS " + PGSchema,
		"CREATE TABLE IF NOT EXISTS " + pgSource + " (\n  one boolean PRIMARY KEY DEFAULT true CHECK (one),\n  key_fingerprint text NOT NULL\n)",
		"COMMENT ON TABLE " + pgSource + " IS '载入本 schema 的 ACE Desk 数据库（一行）'",
		"COMMENT ON COLUMN " + pgSource + ".key_fingerprint IS '该数据库的单位密钥指纹'",
		"DO $claim$\nDECLARE loaded text;\nBEGIN\n" +
			"  INSERT INTO " + pgSource + " (key_fingerprint) VALUES (" + src + ") ON CONFLICT DO NOTHING;\n" +
			"  SELECT key_fingerprint INTO loaded FROM " + pgSource + " FOR UPDATE;\n" +
			"  IF loaded <> " + src + " THEN\n" +
			"    RAISE EXCEPTION USING ERRCODE = '" + PGOtherSource + "', DETAIL = loaded,\n" +
			"      MESSAGE = format('schema " + PGSchema + " holds the data of another ACE Desk database (chapter key %s), not of this one (%s)', loaded, " + src + "),\n" +
			"      HINT = 'Load into another database, or DROP SCHEMA " + PGSchema + " CASCADE to load this one instead.';\n" +
			"  END IF;\nEND\n$claim$"}
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

// PGDelete removes the rows the load did not send, so that the table
// holds what ACE Desk holds. Run it after every upsert, children before
// parents (tables in reverse order), since the others refer to members.
// In a scoped table, rows outside the scope stay unless a row they refer
// to goes: the standings of another year keep their members, but not a
// member deleted since.
func PGDelete(d app.DataTable) string {
	var same []string
	for _, k := range d.Key {
		same = append(same, "s."+k+" = t."+k)
	}
	q := "DELETE FROM " + pgTable(d) + " AS t\nWHERE NOT EXISTS (SELECT 1 FROM " + PGStageName(d) + " AS s WHERE " + strings.Join(same, " AND ") + ")"
	if d.Scope == nil {
		return q
	}
	in := []string{"t." + d.Scope.Field + " = " + pgLiteral(app.FormatValue(d.Scope.Value, app.FieldText))}
	for _, f := range d.Fields {
		if table, col, ok := strings.Cut(f.References, "("); ok {
			in = append(in, "NOT EXISTS (SELECT 1 FROM "+pgStageName(table)+" AS r WHERE r."+strings.TrimSuffix(col, ")")+" = t."+f.Name+")")
		}
	}
	return q + "\n  AND (" + strings.Join(in, "\n    OR ") + ")"
}

// PGStage makes the temporary table the rows are copied into first; it
// has the target's columns and types but none of its constraints, and
// goes away at commit.
func PGStage(d app.DataTable) string {
	return "CREATE TEMP TABLE " + PGStageName(d) + " (LIKE " + pgTable(d) + ") ON COMMIT DROP"
}

// PGStageName is the staging table of d.
func PGStageName(d app.DataTable) string { return pgStageName(d.Name) }

func pgStageName(table string) string { return "acedesk_stage_" + table }

// PGColumns are d's column names in order.
func PGColumns(d app.DataTable) []string {
	out := make([]string, len(d.Fields))
	for i, f := range d.Fields {
		out[i] = f.Name
	}
	return out
}

// PGUpsert moves the staged rows into the table: new keys are inserted,
// known ones updated, and rows that did not change are left alone, so a
// second load of the same data writes nothing.
func PGUpsert(d app.DataTable) string {
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

func pgTable(d app.DataTable) string { return PGSchema + "." + d.Name }

const pgSource = PGSchema + ".source"

func pgLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// WriteSQL writes a psql script that loads the tables of the ACE Desk
// database source in one transaction: the schema if missing, each table
// COPYed into a staging table and upserted, then the rows ACE Desk no
// longer has deleted. Loading it again changes nothing.
func WriteSQL(w io.Writer, source string, tables []app.DataTable, made time.Time) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	fmt.Fprintf(bw, "-- ACE Desk data for PostgreSQL, written %s.\n", made.UTC().Format(time.RFC3339))
	fmt.Fprintf(bw, "-- Load with: psql -v ON_ERROR_STOP=1 -f FILE.sql (into an empty or a loaded database;\n")
	fmt.Fprintf(bw, "-- the schema %s then holds what this ACE Desk database holds, in one transaction).\n", PGSchema)
	bw.WriteString("\\set ON_ERROR_STOP on\nSET client_encoding = 'UTF8';\nBEGIN;\n")
	for _, stmt := range PGCreate(source, tables) {
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
	bw.WriteString("\n-- the rows ACE Desk no longer has\n")
	for i := len(tables) - 1; i >= 0; i-- {
		bw.WriteString(PGDelete(tables[i]) + ";\n")
	}
	bw.WriteString("COMMIT;\n")
	return bw.Flush()
}

var copyEscaper = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)

// CopyField writes a value for COPY's text format: \N for NULL (and a
// zero time), and a backslash before the characters COPY reads
// specially, so no value can end a row or the data ("\.").
func CopyField(v any, t app.FieldType) string {
	if tm, ok := v.(time.Time); v == nil || ok && tm.IsZero() {
		return `\N`
	}
	return copyEscaper.Replace(app.FormatValue(v, t))
}
