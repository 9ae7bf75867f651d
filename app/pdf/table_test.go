package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func trophies(n int) TrophyList {
	levels := []string{"PostgreSQL ACE 伙伴", "PostgreSQL ACE", "PostgreSQL ACE 总监"}
	names := []string{"张喆", "李堃", "王玥", "欧阳明昇"}
	t := TrophyList{Title: "2026 年 PostgreSQL ACE 奖杯清单", Subtitle: "中国开源软件推进联盟 PostgreSQL 分会 · 2026-12-31"}
	for i := range n {
		t.Rows = append(t.Rows, TrophyRow{
			Name:      fmt.Sprintf("%s%d", names[i%len(names)], i+1),
			Level:     levels[i%len(levels)],
			Engraving: fmt.Sprintf("授予 %s 2026 年度 %s", names[i%len(names)], levels[i%len(levels)]),
			City:      "杭州",
			Phone:     fmt.Sprintf("138%08d", i),
			Address:   fmt.Sprintf("浙江省杭州市西湖区文三路 %d 号华星时代广场 A 座 18 楼 PostgreSQL 用户组办公室（请工作日送达）", 100+i),
			Status:    "待发货",
		})
	}
	return t
}

func TestTrophyList(t *testing.T) {
	r := newRenderer(t)
	tl := trophies(40)
	var buf bytes.Buffer
	if err := r.TrophyList(&buf, tl); err != nil {
		t.Fatal(err)
	}
	pdf := buf.Bytes()
	savePDF(t, "trophies.pdf", pdf)
	pages := pageCount(t, pdf)
	if pages < 2 {
		t.Fatalf("pages = %d, want the 40 rows to need more than one", pages)
	}
	text := pdfText(t, pdf)
	for _, row := range tl.Rows {
		for _, want := range []string{row.Name, row.Engraving, row.Phone, row.Address} {
			if !strings.Contains(text, squash(want)) {
				t.Errorf("%q not found in the PDF", want)
			}
		}
	}
	tests := []struct {
		what string
		text string
		want int
	}{
		{"header row", "收件地址/Shippingaddress", pages},
		{"last page number", squash(fmt.Sprintf(labelPageFormat, pages, pages, pages, pages)), 1},
		{"totals", "合计/Totals:40", 1},
		{"partner total", "PostgreSQLACE伙伴:14", 1},
		{"director total", "PostgreSQLACE总监:13", 1},
	}
	for _, tt := range tests {
		if got := strings.Count(text, tt.text); got != tt.want {
			t.Errorf("%s: %q appears %d times, want %d", tt.what, tt.text, got, tt.want)
		}
	}
	for i, page := range pagePNGs(t, pdf, 50) {
		if got := inked(t, page); got < 0.02 {
			t.Errorf("page %d: %.3f of it inked, looks blank", i+1, got)
		}
	}
}

func TestList(t *testing.T) {
	r := newRenderer(t)
	tests := []struct {
		name  string
		table Table
		pages int
	}{
		{"empty", Table{Title: "形象墙名单", Columns: []Column{{Title: "姓名"}}}, 1},
		{"seating", Table{
			Title: "前排座位 / Front-row seating", Subtitle: "2026 中国 PostgreSQL 数据库生态大会",
			Columns: []Column{{"座位 / Seat", 0.6}, {"姓名 / Name", 1}, {"级别 / Level", 1.6}},
			Rows:    [][]string{{"A1", "欧阳明昇", "PostgreSQL ACE 总监"}, {"A2", "Maximilian Alexander von Hohenberg", "PostgreSQL ACE"}},
		}, 1},
		{"roster", Table{Title: "技术顾问团名单", Columns: []Column{{Title: "姓名"}, {Title: "城市"}},
			Rows: func() [][]string {
				var rows [][]string
				for i := range 120 {
					rows = append(rows, []string{fmt.Sprintf("王玥%d", i), "南京"})
				}
				return rows
			}()}, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := r.List(&buf, tt.table); err != nil {
				t.Fatal(err)
			}
			savePDF(t, "list-"+tt.name+".pdf", buf.Bytes())
			if got := pageCount(t, buf.Bytes()); got != tt.pages {
				t.Errorf("pages = %d, want %d", got, tt.pages)
			}
			text := pdfText(t, buf.Bytes())
			for _, row := range tt.table.Rows {
				for _, cell := range row {
					if !strings.Contains(text, squash(cell)) {
						t.Errorf("%q not found in the PDF", cell)
					}
				}
			}
		})
	}
	var buf bytes.Buffer
	err := r.List(&buf, Table{Title: "x", Columns: []Column{{Title: "a"}}, Rows: [][]string{{"a", "b"}}})
	if err == nil || !strings.Contains(err.Error(), "2 cells for 1 columns") {
		t.Errorf("a row with too many cells: err = %v", err)
	}
}

func TestPlaceCards(t *testing.T) {
	r := newRenderer(t)
	cards := []PlaceCard{
		{Name: "欧阳明昇", NameLatin: "Ouyang Mingsheng", LevelZH: "PostgreSQL ACE 总监", LevelEN: "PostgreSQL ACE Director"},
		{Name: "张喆", NameLatin: "Maximilian Alexander von Hohenberg-Zhang", LevelZH: "PostgreSQL ACE 伙伴", LevelEN: "PostgreSQL ACE Partner"},
	}
	var buf bytes.Buffer
	if err := r.PlaceCards(&buf, cards); err != nil {
		t.Fatal(err)
	}
	pdf := buf.Bytes()
	savePDF(t, "placecards.pdf", pdf)
	if got := pageCount(t, pdf); got != len(cards) {
		t.Errorf("pages = %d, want %d", got, len(cards))
	}
	text := pdfText(t, pdf)
	for _, c := range cards {
		for _, want := range placeCardTexts(c) {
			// Both halves of the tent print it.
			if got := strings.Count(text, squash(want)); got < 2 {
				t.Errorf("%q appears %d times, want both sides", want, got)
			}
		}
	}
	if err := r.PlaceCards(&buf, []PlaceCard{{Name: "𠀀"}}); err == nil {
		t.Error("a name beyond U+FFFF was accepted")
	}
}
