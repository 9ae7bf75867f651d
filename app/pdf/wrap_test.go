package pdf

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// fakeWidth counts a wide character as 2 and any other as 1, so the tests
// do not depend on the font.
func fakeWidth(s string) float64 {
	w := 0.0
	for _, c := range s {
		if wide(c) {
			w += 2
		} else {
			w++
		}
	}
	return w
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		width float64
		want  []string
	}{
		{"fits", "张三", 10, []string{"张三"}},
		{"cjk breaks between characters", "中国开源软件推进联盟", 8, []string{"中国开源", "软件推进", "联盟"}},
		{"closing punctuation stays on the line", "一二三。四五", 6, []string{"一二", "三。四", "五"}},
		{"comma never starts a line", "甲乙丙，丁", 6, []string{"甲乙", "丙，丁"}},
		{"opening bracket never ends a line", "甲乙（丙）", 6, []string{"甲乙", "（丙）"}},
		{"latin breaks at spaces", "PostgreSQL ACE Partner", 15, []string{"PostgreSQL ACE", "Partner"}},
		{"long word is cut", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"mixed", "荣获 PostgreSQL ACE 伙伴称号", 12, []string{"荣获", "PostgreSQL", "ACE 伙伴称号"}},
		{"newline starts a paragraph", "甲\n乙", 10, []string{"甲", "乙"}},
		{"empty", "", 10, []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wrap(tt.in, tt.width, fakeWidth)
			if !slices.Equal(got, tt.want) {
				t.Errorf("wrap(%q, %v) = %q, want %q", tt.in, tt.width, got, tt.want)
			}
		})
	}
}

// checkWrap holds the promises of wrap: nothing dropped or duplicated but
// spaces at breaks, no line too wide unless it is one character with its
// punctuation, no line
// starting with closing punctuation unless the paragraph does.
// Fuzzed nonsense such as "a(!" at a width of one character cannot keep
// all three, so the fuzz test leaves the width to the real-text tests.
func checkWrap(t *testing.T, in string, width float64, measure func(string) float64, checkWidth bool) {
	t.Helper()
	lines := wrap(in, width, measure)
	got := strings.ReplaceAll(strings.Join(lines, ""), " ", "")
	want := strings.ReplaceAll(strings.ReplaceAll(in, "\n", ""), " ", "")
	if got != want {
		t.Fatalf("wrap(%q, %v) = %q: runes %d, want %d (%q)", in, width, lines, utf8.RuneCountInString(got), utf8.RuneCountInString(want), want)
	}
	paragraphStart := true
	for _, l := range lines {
		core := strings.TrimRight(strings.TrimLeft(l, opening), closing+" ")
		if checkWidth && utf8.RuneCountInString(core) > 1 && measure(l) > width {
			t.Fatalf("wrap(%q, %v): line %q is %v wide", in, width, l, measure(l))
		}
		first, _ := utf8.DecodeRuneInString(l)
		if !paragraphStart && strings.ContainsRune(closing, first) {
			t.Fatalf("wrap(%q, %v): line %q starts with closing punctuation", in, width, l)
		}
		paragraphStart = false
	}
}

func FuzzWrap(f *testing.F) {
	f.Add("兹聘任欧阳明昇为杭州用户组组长，任期一年。", 7.0)
	f.Add("In recognition of an outstanding contribution to PostgreSQL, 2026.", 12.0)
	f.Add("「喆」、『堃』（玥）！？", 3.0)
	f.Fuzz(func(t *testing.T, s string, width float64) {
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\n\r\t") || width < 1 || width > 200 {
			return
		}
		in := strings.TrimSpace(s)
		if strings.Contains(in, "  ") {
			return // runs of spaces are not part of any text we print
		}
		checkWrap(t, in, width, fakeWidth, false)
	})
}

func TestWrapWithTheFont(t *testing.T) {
	r := newRenderer(t)
	f, err := r.newDoc("P", r.mustSubset(t, wrapSamples...))
	if err != nil {
		t.Fatal(err)
	}
	f.SetFont(family, "", 12)
	for _, s := range wrapSamples {
		for _, width := range []float64{8, 30, 75, 160} {
			checkWrap(t, s, width, f.GetStringWidth, true)
		}
	}
}

var wrapSamples = []string{
	"在 2026 年中国 PostgreSQL 数据库生态大会上发表主题演讲《基于逻辑复制的跨地域多活架构：从原理到金融级实践》，特此致谢。",
	"In appreciation of the talk “Cross-region active-active PostgreSQL with logical replication: from principles to production in banking”.",
	"欧阳明昇、张喆、李堃、王玥：感谢你们！",
}

// A text wraps once per text, size and width in a document: the same
// again comes from the cache, another width wraps anew. Its lines are
// balanced: as many as the widest wrap needs, none wider than the width,
// the last not much shorter than the others.
func TestLineCache(t *testing.T) {
	r := newRenderer(t)
	lines := lineCache{}
	text := thanks.BodyEN
	measure := func(s string) float64 { return setWidth(r, s, 12.5) }
	tests := []struct {
		width     float64
		wantCache int
	}{
		{220, 1},
		{220, 1},
		{100, 2},
	}
	for _, tt := range tests {
		got := lines.wrap(r, text, 12.5, tt.width)
		greedy := wrap(text, tt.width, measure)
		if len(got) != len(greedy) || strings.Join(got, " ") != strings.Join(greedy, " ") {
			t.Errorf("width %v: lines %q, want the words of %q on as many lines", tt.width, got, greedy)
		}
		for _, l := range got {
			if measure(l) > tt.width {
				t.Errorf("width %v: line %q is %.1f wide", tt.width, l, measure(l))
			}
		}
		if last, first := measure(got[len(got)-1]), measure(got[0]); last < first/2 {
			t.Errorf("width %v: last line %.1f wide after a first of %.1f: not balanced", tt.width, last, first)
		}
		if len(lines) != tt.wantCache {
			t.Errorf("width %v: %d cached, want %d", tt.width, len(lines), tt.wantCache)
		}
	}
}
