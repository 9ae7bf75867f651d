package exchange

import (
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"acedesk/app"

	"github.com/xuri/excelize/v2"
)

// Neutralize keeps a spreadsheet from reading a cell as a formula: text
// that starts with = + - @ (or a tab or carriage return, which some
// programs strip first) gets a leading single quote, as OWASP advises for
// CSV and XLSX exports. The full-width forms ＝ ＋ － ＠, which Chinese
// input methods type and WPS and Excel with East Asian settings read as
// their ASCII twins, count too.
func Neutralize(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠':
		return "'" + s
	}
	return s
}

// WriteXLSX writes the sheets as one workbook: a bold, frozen header row,
// columns as wide as their text, every cell as text and neutralized.
func WriteXLSX(w io.Writer, sheets []app.Sheet) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#E8EEF4"}}})
	if err != nil {
		return err
	}
	for i, sh := range sheets {
		name := sh.Name
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(name)
		if err != nil {
			return err
		}
		widths := make([]int, len(sh.Header))
		for c, h := range sh.Header {
			widths[c] = displayWidth(h)
		}
		for _, r := range sh.Rows {
			for c, v := range r {
				if c < len(widths) {
					widths[c] = max(widths[c], displayWidth(v))
				}
			}
		}
		// The sheet must list its <col> entries in column order (Excel
		// offers to repair a file that does not). The stream writer puts
		// each column it is given before those it has: from the last to
		// the first, they come out in order.
		for c := len(widths) - 1; c >= 0; c-- {
			if err := sw.SetColWidth(c+1, c+1, float64(min(widths[c], 60)+2)); err != nil {
				return err
			}
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
		if err := sw.SetRow("A1", cells(sh.Header, nil, bold)); err != nil {
			return err
		}
		for r, row := range sh.Rows {
			cell, err := excelize.CoordinatesToCellName(1, r+2)
			if err != nil {
				return err
			}
			if err := sw.SetRow(cell, cells(row, sh.Numeric, 0)); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}

func cells(values []string, numeric []bool, style int) []any {
	out := make([]any, len(values))
	for i, v := range values {
		out[i] = excelize.Cell{StyleID: style, Value: Neutralize(v)}
		if numberAt(numeric, i, v) {
			n, _ := strconv.ParseInt(v, 10, 64)
			out[i] = excelize.Cell{StyleID: style, Value: n}
		}
	}
	return out
}

// numberAt reports whether v, in column i, is a whole number to write as
// one: a negative number is data, not a formula.
func numberAt(numeric []bool, i int, v string) bool {
	if i >= len(numeric) || !numeric[i] {
		return false
	}
	_, err := strconv.ParseInt(v, 10, 64)
	return err == nil
}

// displayWidth counts a CJK character as two columns, as spreadsheets show it.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		if r >= 0x2E80 {
			w += 2
		} else {
			w++
		}
	}
	return max(w, utf8.RuneCountInString(strings.TrimSpace(s)))
}
