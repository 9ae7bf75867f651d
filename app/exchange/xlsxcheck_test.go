package exchange

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"acedesk/app"
	"acedesk/app/apptest"
)

// roster is a workbook of a header and ten members in rows 2 to 11.
func roster(t testing.TB) []byte {
	cells := map[string]any{"A1": "姓名", "B1": "手机"}
	for i := 2; i <= 11; i++ {
		cells["A"+strconv.Itoa(i)] = "成员" + strconv.Itoa(i)
		cells["B"+strconv.Itoa(i)] = 13800000000 + i
	}
	return workbook(t, cells, nil)
}

// rezip is apptest.RewriteZip.
var rezip = apptest.RewriteZip

const sheet = "xl/worksheets/sheet1.xml"

// inRow edits the XML of row n of the sheet.
func inRow(files map[string][]byte, n int, edit func(row []byte) []byte) {
	re := regexp.MustCompile(`<row r="` + strconv.Itoa(n) + `"[^>]*>.*?</row>`)
	files[sheet] = re.ReplaceAllFunc(files[sheet], edit)
}

// TestABrokenSheetIsRefusedWholeWithTheRowWhereItBroke: excelize drops the
// errors of its XML reader, and ended such sheets early as if they were
// whole: the rows before imported and the rest vanished.
func TestABrokenSheetIsRefusedWholeWithTheRowWhereItBroke(t *testing.T) {
	good := roster(t)
	if table, err := ReadTable(bytes.NewReader(good), testColumns); err != nil || len(table.Rows) != 10 {
		t.Fatalf("the sound workbook: %v, %v", table, err)
	}
	cut := func(files map[string][]byte) {
		s := files[sheet]
		files[sheet] = s[:bytes.Index(s, []byte(`<row r="8"`))]
	}
	for _, tc := range []struct {
		name    string
		data    []byte
		problem app.TableProblem
		row     int
	}{
		{"a raw control character in row 7", rezip(t, good, func(f map[string][]byte) {
			inRow(f, 7, func(r []byte) []byte { return bytes.Replace(r, []byte("<v>"), []byte("<v>\x07"), 1) })
		}, nil), app.TableBroken, 7},
		{"a sheet cut short after row 7", rezip(t, good, cut, nil), app.TableBroken, 7},
		{"a sheet cut inside row 9", rezip(t, good, func(f map[string][]byte) {
			s := f[sheet]
			f[sheet] = s[:bytes.Index(s, []byte(`<row r="9"`))+30]
		}, nil), app.TableBroken, 9},
		{"an entry whose zip size is false", rezip(t, good, func(map[string][]byte) {}, map[string]uint64{sheet: 400}), app.TableBroken, 1},
		{"an XXE entity", rezip(t, good, func(f map[string][]byte) {
			f[sheet] = bytes.Replace(f[sheet], []byte("?>"), []byte(`?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`), 1)
		}, nil), app.TableUnreadable, 0},
		{"a billion laughs in the shared strings", rezip(t, good, func(f map[string][]byte) {
			lol := `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>`
			f["xl/sharedStrings.xml"] = bytes.Replace(f["xl/sharedStrings.xml"], []byte("?>"), []byte("?>"+lol), 1)
		}, nil), app.TableUnreadable, 0},
		{"300 cells in row 4", rezip(t, good, func(f map[string][]byte) {
			inRow(f, 4, func(r []byte) []byte {
				return bytes.Replace(r, []byte("</row>"), append(bytes.Repeat([]byte(`<c t="n"><v>1</v></c>`), 300), "</row>"...), 1)
			})
		}, nil), app.TableBeyondLimit, 4},
		{"a cell of 40,000 characters", rezip(t, good, func(f map[string][]byte) {
			f["xl/sharedStrings.xml"] = bytes.Replace(f["xl/sharedStrings.xml"], []byte("<t>成员5</t>"), []byte("<t>"+strings.Repeat("长", 40000)+"</t>"), 1)
		}, nil), app.TableBeyondLimit, 0},
		{"a text of 3 MB without a tag", rezip(t, good, func(f map[string][]byte) {
			f["xl/sharedStrings.xml"] = bytes.Replace(f["xl/sharedStrings.xml"], []byte("<t>成员5</t>"), []byte("<t>"+strings.Repeat("x", 3<<20)+"</t>"), 1)
		}, nil), app.TableBeyondLimit, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			table, err := ReadTable(bytes.NewReader(tc.data), testColumns)
			var e *app.TableError
			if !errors.As(err, &e) || e.Problem != tc.problem || e.Row != tc.row {
				rows := 0
				if table != nil {
					rows = len(table.Rows)
				}
				t.Fatalf("ReadTable = %d rows, %.200v; want %s at row %d", rows, err, tc.problem, tc.row)
			}
		})
	}
}

// TestImportsOfHostileWorkbooksStayUnder512MB: each file is within the
// size limit, and was read, at least in part, at gigabytes of memory.
// They are made here: the fixtures are the recipe, not the megabytes.
func TestImportsOfHostileWorkbooksStayUnder512MB(t *testing.T) {
	good := roster(t)
	strs := rezip(t, good, func(f map[string][]byte) {
		f["xl/sharedStrings.xml"] = bytes.Replace(f["xl/sharedStrings.xml"], []byte("</sst>"),
			append(bytes.Repeat([]byte("<si><t>ab</t></si>"), 3*MaxSharedStrings), "</sst>"...), 1)
	}, nil)
	wide := rezip(t, good, func(f map[string][]byte) {
		var rows bytes.Buffer
		for r := 12; r < 100_000; r++ {
			rows.WriteString(`<row r="` + strconv.Itoa(r) + `"><c r="A` + strconv.Itoa(r) + `" t="s"><v>0</v></c></row>`)
		}
		f[sheet] = bytes.Replace(f[sheet], []byte("</sheetData>"), append(rows.Bytes(), "</sheetData>"...), 1)
	}, nil)
	for _, tc := range []struct {
		name    string
		data    []byte
		refused bool
	}{{"3 million shared strings", strs, true}, {"100,000 rows", wide, false}} {
		if len(tc.data) > app.MaxTableBytes {
			t.Fatalf("%s: %d bytes, over the size limit", tc.name, len(tc.data))
		}
		var err error
		peak := apptest.PeakHeap(func() { _, err = ReadTable(bytes.NewReader(tc.data), testColumns) })
		var e *app.TableError
		if tc.refused != (errors.As(err, &e) && e.Problem == app.TableBeyondLimit) {
			t.Errorf("%s: %v, refused beyond the limits: %v", tc.name, err, tc.refused)
		}
		if limit := uint64(512 << 20); peak > limit {
			t.Errorf("%s (%d KB): %d MB at the peak, want under %d", tc.name, len(tc.data)>>10, peak>>20, limit>>20)
		}
		t.Logf("%s (%d KB): %v, peak %d MB", tc.name, len(tc.data)>>10, err, peak>>20)
	}
}
