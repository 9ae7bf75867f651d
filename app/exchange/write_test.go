package exchange

import (
	"bytes"
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
