package exchange

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"acedesk/app"

	"github.com/xuri/excelize/v2"
)

// workbook builds an XLSX file: cells by reference on the first sheet, with
// number formats by reference, and a second sheet the reader must ignore.
func workbook(t testing.TB, cells map[string]any, formats map[string]int) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for ref, v := range cells {
		if err := f.SetCellValue("Sheet1", ref, v); err != nil {
			t.Fatal(err)
		}
	}
	for ref, id := range formats {
		style, err := f.NewStyle(&excelize.Style{NumFmt: id})
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStyle("Sheet1", ref, ref, style); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.NewSheet("说明"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("说明", "A1", "请勿修改表头"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadXLSX(t *testing.T) {
	for _, tc := range []struct {
		name    string
		cells   map[string]any
		formats map[string]int
		want    []string
	}{
		{"dates, numbers and a blank row",
			map[string]any{
				"A1": "姓名", "B1": "手机", "C1": "入会日期", "D1": "PG豆",
				"A2": "王喆", "B2": 13800000001, "C2": time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC), "D2": 2000,
				"A4": " 李堃 ", "B4": "+86 138 0000 0002", "C4": 46086, "D4": "１２",
			},
			// 14 is the short date, 3 is #,##0; C4 is a serial in a General cell.
			map[string]int{"C2": 14, "D2": 3},
			[]string{"name,phone,joined,beans", "2: 王喆|13800000001|2026-03-05|2,000", "4: 李堃|+86 138 0000 0002|46086|１２"}},
		{"Chinese date formats",
			map[string]any{"A1": "name", "B1": "joined", "C1": "beans", "A2": "赵玥", "B2": 46086, "C2": 46086},
			// 31 is the built-in 2026年3月5日 of Chinese Excel, 22 date and time.
			map[string]int{"B2": 31, "C2": 22},
			[]string{"name,joined,beans", "2: 赵玥|2026年3月5日|2026-03-05 00:00"}},
		{"header below empty rows",
			map[string]any{"A3": "姓名", "A5": "张三"}, nil,
			[]string{"name", "5: 张三"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			table, err := ReadTable(bytes.NewReader(workbook(t, tc.cells, tc.formats)), testColumns)
			if err != nil {
				t.Fatal(err)
			}
			got, want := fmt.Sprintf("%q", dump(table)), fmt.Sprintf("%q", tc.want)
			if got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}

// The cells of a real workbook go through the cell parsers as the
// contributions import will use them.
func TestXLSXCellsParse(t *testing.T) {
	data := workbook(t, map[string]any{
		"A1": "name", "B1": "joined", "C1": "beans",
		"A2": "王喆", "B2": time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC), "C2": 2000,
		"A3": "李堃", "B3": 46086, "C3": 12.0,
		"A4": "赵玥", "B4": 46086, "C4": "２，０００",
	}, map[string]int{"C2": 3, "B4": 31})
	table, err := ReadTable(bytes.NewReader(data), testColumns)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		date  string
		beans int
	}{{"2026-03-05", 2000}, {"2026-03-05", 12}, {"2026-03-05", 2000}}
	for i, r := range table.Rows {
		d, okD := app.ParseCellDate(r.Cells["joined"])
		n, okN := app.ParseCellInt(r.Cells["beans"])
		if !okD || !okN || d.Format("2006-01-02") != want[i].date || n != want[i].beans {
			t.Errorf("row %d: %q %q parse to %s %v, %d %v; want %s, %d", r.Number, r.Cells["joined"], r.Cells["beans"],
				d.Format("2006-01-02"), okD, n, okN, want[i].date, want[i].beans)
		}
	}
}

func TestReadXLSXRefusesAZipBomb(t *testing.T) {
	// A zip bomb: a tiny file that unpacks to more than maxUnzipped. Its
	// directory is what the reader checks, so the test only declares the size.
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	w, err := z.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
		CompressedSize64: 4, UncompressedSize64: maxUnzipped + 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte("bomb")); err != nil {
		t.Fatal(err)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = ReadTable(&buf, testColumns)
	if e, ok := err.(*app.TableError); !ok || e.Problem != app.TableTooLarge {
		t.Errorf("err = %v, want too_large", err)
	}
}

func TestReadXLSXRefusesARowBeyondTheSheet(t *testing.T) {
	// A broken or hostile file can number a row 900,000,000: the reader must
	// stop at the last row a sheet can have instead of counting up to it.
	data := patchSheet(t, workbook(t, map[string]any{"A1": "姓名", "A3": "张三"}, nil),
		`r="3"`, `r="900000000"`, `r="A3"`, `r="A900000000"`)
	// Without the stop, ReadTable counts for minutes and the test times out:
	// no wall-clock bound here, the machines are noisy.
	_, err := ReadTable(bytes.NewReader(data), testColumns)
	if e, ok := err.(*app.TableError); !ok || e.Problem != app.TableUnreadable {
		t.Errorf("err = %v, want unreadable", err)
	}
}

// patchSheet rewrites the first sheet's XML with the old/new string pairs.
func patchSheet(t *testing.T, data []byte, oldNew ...string) []byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "xl/worksheets/sheet1.xml" {
			b = []byte(strings.NewReplacer(oldNew...).Replace(string(b)))
		}
		fw, err := w.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
