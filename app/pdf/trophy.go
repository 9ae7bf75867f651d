package pdf

import (
	"fmt"
	"io"

	"acedesk/app"
)

// TrophyList and TrophyRow are the domain's trophy order.
type (
	TrophyList = app.TrophyList
	TrophyRow  = app.TrophyRow
)

var trophyColumns = []Column{
	{"姓名 / Name", 1.0}, {"级别 / Level", 1.8}, {"刻字 / Engraving", 3.2}, {"城市 / City", 0.9},
	{"电话 / Phone", 1.3}, {"收件地址 / Shipping address", 2.6}, {"状态 / Status", 1},
}

// TrophyList writes t as an A4 landscape table, with the count of trophies
// of each level (in order of first appearance) after the last row.
func (r *Renderer) TrophyList(w io.Writer, t TrophyList) error {
	tab := Table{Title: t.Title, Subtitle: t.Subtitle, Columns: trophyColumns, Landscape: true}
	count := map[string]int{}
	var levels []string
	for _, row := range t.Rows {
		tab.Rows = append(tab.Rows, []string{row.Name, row.Level, row.Engraving, row.City, row.Phone, row.Address, row.Status})
		if count[row.Level] == 0 {
			levels = append(levels, row.Level)
		}
		count[row.Level]++
	}
	tab.Notes = append(tab.Notes, fmt.Sprintf("%s / %s: %d", labelTotalsZH, labelTotalsEN, len(t.Rows)))
	for _, l := range levels {
		tab.Notes = append(tab.Notes, fmt.Sprintf("    %s: %d", l, count[l]))
	}
	return r.List(w, tab)
}
