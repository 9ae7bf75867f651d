package pdf

import (
	"fmt"
	"io"
)

// Table is a simple list: the image-wall list, the advisory roster, the
// seating list. The header row repeats on every page, long cells wrap, and
// every page says "第 x 页 / 共 y 页".
type Table struct {
	Title     string
	Subtitle  string // optional: the event, the date
	Columns   []Column
	Rows      [][]string // one cell per column
	Notes     []string   // lines after the last row, e.g. totals
	Landscape bool
}

// Column is a column's header and its share of the width (0 counts as 1).
type Column struct {
	Title  string
	Weight float64
}

func (t Table) texts() []string {
	out := append([]string{t.Title, t.Subtitle}, t.Notes...)
	for _, c := range t.Columns {
		out = append(out, c.Title)
	}
	for _, row := range t.Rows {
		out = append(out, row...)
	}
	return out
}

// List writes t as an A4 PDF.
func (r *Renderer) List(w io.Writer, t Table) error {
	if len(t.Columns) == 0 {
		return fmt.Errorf("pdf: list %q has no columns", t.Title)
	}
	for i, row := range t.Rows {
		if len(row) != len(t.Columns) {
			return fmt.Errorf("pdf: list %q: row %d has %d cells for %d columns", t.Title, i+1, len(row), len(t.Columns))
		}
	}
	if err := r.check(t.texts()); err != nil {
		return err
	}
	font, err := r.subset(append(labels(), t.texts()...))
	if err != nil {
		return err
	}
	orientation := "P"
	if t.Landscape {
		orientation = "L"
	}
	return r.render(w, orientation, font, func(f *doc) error {
		f.SetTitle(t.Title, true)
		drawTable(f, t)
		return nil
	})
}

const (
	tableMargin  = 14.0
	cellPad      = 1.6
	tableSize    = 9.5 // points
	tableLeading = 1.3
)

// laidRow is a row wrapped to its column widths.
type laidRow struct {
	cells [][]string
	h     float64
}

func drawTable(f *doc, t Table) {
	pw, ph := f.GetPageSize()
	widths := columnWidths(t.Columns, pw-2*tableMargin)
	lh := tableSize * ptToMM * tableLeading
	f.SetFontSize(tableSize)
	lay := func(cells []string) laidRow {
		row := laidRow{cells: make([][]string, len(cells))}
		lines := 1
		for i, c := range cells {
			row.cells[i] = wrap(c, widths[i]-2*cellPad, f.GetStringWidth)
			lines = max(lines, len(row.cells[i]))
		}
		row.h = float64(lines)*lh + 2*cellPad
		return row
	}
	titles := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		titles[i] = c.Title
	}
	header := lay(titles)
	rows := make([]laidRow, len(t.Rows))
	for i, cells := range t.Rows {
		rows[i] = lay(cells)
	}

	// Lay out the pages first, so each can say how many there are.
	top := tableMargin + 16.0
	if t.Subtitle != "" {
		top += 5
	}
	bottom := ph - tableMargin - 6
	var pages [][]laidRow
	var page []laidRow
	y := top + header.h
	for _, row := range rows {
		if y+row.h > bottom && len(page) > 0 {
			pages = append(pages, page)
			page, y = nil, top+header.h
		}
		page = append(page, row)
		y += row.h
	}
	notesH := float64(len(t.Notes))*lh + 4
	if len(t.Notes) > 0 && y+notesH > bottom {
		pages = append(pages, page)
		page = nil
	}
	pages = append(pages, page)

	for n, page := range pages {
		f.AddPage()
		textColor(f, pgBlue)
		f.SetFontSize(16)
		f.Text(tableMargin, tableMargin+7, t.Title)
		if t.Subtitle != "" {
			textColor(f, grey)
			f.SetFontSize(10)
			f.Text(tableMargin, tableMargin+13, t.Subtitle)
		}
		drawColor(f, gold)
		f.SetLineWidth(0.5)
		f.Line(tableMargin, top-4, pw-tableMargin, top-4)

		f.SetFontSize(tableSize)
		y := top
		drawRow(f, header, widths, y, lh, pgBlue, white)
		y += header.h
		for i, row := range page {
			fill := white
			if i%2 == 1 {
				fill = rgb{238, 243, 248}
			}
			drawRow(f, row, widths, y, lh, fill, ink)
			y += row.h
		}
		if n == len(pages)-1 {
			textColor(f, ink)
			y += 4
			for _, note := range t.Notes {
				f.Text(tableMargin, y+lh*0.75, note)
				y += lh
			}
		}
		textColor(f, grey)
		f.SetFontSize(8)
		centered(f, fmt.Sprintf(labelPageFormat, n+1, len(pages), n+1, len(pages)), pw/2, ph-tableMargin+4)
	}
}

// drawRow fills the row's background and prints its cells from y down.
func drawRow(f *doc, row laidRow, widths []float64, y, lh float64, fill, text rgb) {
	fillColor(f, fill)
	drawColor(f, rgb{205, 215, 225})
	f.SetLineWidth(0.2)
	x := tableMargin
	textColor(f, text)
	for i, lines := range row.cells {
		f.Rect(x, y, widths[i], row.h, "FD")
		for j, l := range lines {
			f.Text(x+cellPad, y+cellPad+float64(j)*lh+lh*0.75, l)
		}
		x += widths[i]
	}
}

// columnWidths shares total among the columns by weight.
func columnWidths(cols []Column, total float64) []float64 {
	sum := 0.0
	for _, c := range cols {
		sum += weight(c)
	}
	out := make([]float64, len(cols))
	for i, c := range cols {
		out[i] = total * weight(c) / sum
	}
	return out
}

func weight(c Column) float64 {
	if c.Weight <= 0 {
		return 1
	}
	return c.Weight
}
