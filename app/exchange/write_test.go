package exchange

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"slices"
	"testing"

	"acedesk/app"

	"github.com/xuri/excelize/v2"
)

func TestNeutralize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"王喆", "王喆"},
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+86 138", "'+86 138"},
		{"-1", "'-1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"", ""},
		{"a=b", "a=b"},
		{"＝HYPERLINK(\"http://x\")", "'＝HYPERLINK(\"http://x\")"},
		{"＋86 138", "'＋86 138"},
		{"－1", "'－1"},
		{"＠SUM(A1)", "'＠SUM(A1)"},
		{"王＝喆", "王＝喆"},
	} {
		if got := Neutralize(tc.in); got != tc.want {
			t.Errorf("Neutralize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWriteXLSXReadsBackAsText(t *testing.T) {
	var buf bytes.Buffer
	sheets := []app.Sheet{
		{Name: "奖杯清单", Header: []string{"姓名", "级别", "电话"}, Rows: [][]string{{"王喆", "PostgreSQL ACE", "13800000001"}, {"=1+1", "伙伴", "+86"}}},
		{Name: "汇总", Header: []string{"级别", "人数"}, Rows: [][]string{{"伙伴", "1"}}},
	}
	if err := WriteXLSX(&buf, sheets); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "奖杯清单" || got[1] != "汇总" {
		t.Fatalf("sheets = %v", got)
	}
	rows, _ := f.GetRows("奖杯清单")
	want := [][]string{{"姓名", "级别", "电话"}, {"王喆", "PostgreSQL ACE", "13800000001"}, {"'=1+1", "伙伴", "'+86"}}
	if len(rows) != len(want) {
		t.Fatalf("rows = %q", rows)
	}
	for i := range want {
		for j := range want[i] {
			if rows[i][j] != want[i][j] {
				t.Errorf("cell %d,%d = %q, want %q", i, j, rows[i][j], want[i][j])
			}
		}
	}
	if formula, _ := f.GetCellFormula("奖杯清单", "A3"); formula != "" {
		t.Errorf("A3 is a formula: %q", formula)
	}
}

// Excel offers to repair a sheet whose <col> entries are out of column
// order; a workbook ACE Desk writes lists them in order, on every sheet.
func TestWriteXLSXListsColumnsInOrder(t *testing.T) {
	var buf bytes.Buffer
	header := []string{"序号", "姓名", "级别", "刻字内容", "城市", "手机", "收件地址", "状态"}
	sheets := []app.Sheet{
		{Name: "奖杯清单", Header: header, Rows: [][]string{{"1", "王喆", "PostgreSQL ACE 伙伴", "王喆 · PostgreSQL ACE 伙伴 · 2026", "杭州", "13800000001", "", "待下单"}}},
		{Name: "汇总", Header: []string{"级别", "人数"}, Rows: [][]string{{"伙伴", "1"}}},
	}
	if err := WriteXLSX(&buf, sheets); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for i, sh := range sheets {
		name := fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)
		f, err := z.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		var ws struct {
			Cols []struct {
				Min int `xml:"min,attr"`
				Max int `xml:"max,attr"`
			} `xml:"cols>col"`
		}
		err = xml.NewDecoder(f).Decode(&ws)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		var got []int
		for _, c := range ws.Cols {
			got = append(got, c.Min, c.Max)
		}
		var want []int
		for c := range sh.Header {
			want = append(want, c+1, c+1)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s (%s): <col> min, max = %v, want %v", name, sh.Name, got, want)
		}
	}
}
