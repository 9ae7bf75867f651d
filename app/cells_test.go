package app

import "testing"

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // "" when the cell is not a date
	}{
		{"2026-03-05", "2026-03-05"},
		{"2026-3-5", "2026-03-05"},
		{"2026/3/5", "2026-03-05"},
		{"2026.3.5", "2026-03-05"},
		{"2026年3月5日", "2026-03-05"},
		{"2026年3月5", "2026-03-05"},
		{" 2026/03/05 ", "2026-03-05"},
		{"２０２６／３／５", "2026-03-05"},
		{"2026-03-05 12:00", "2026-03-05"},
		{"2026年3月5日 9:30", "2026-03-05"},
		{"46086", "2026-03-05"},
		{"46086.75", "2026-03-05"},
		{"43101", "2018-01-01"},
		{"2024-02-29", "2024-02-29"},
		{"2026-02-29", ""},
		{"2026-02-30", ""},
		{"2026-13-01", ""},
		{"2026-00-10", ""},
		{"2026", ""},
		{"460860", ""},
		{"03-05-26", ""},
		{"3/5/2026", ""},
		{"2026/3", ""},
		{"2026-03-05x", ""},
		{"", ""},
		{"明天", ""},
	} {
		got, ok := ParseCellDate(tc.in)
		gotS := ""
		if ok {
			gotS = got.Format("2006-01-02")
		}
		if gotS != tc.want {
			t.Errorf("ParseDate(%q) = %q, want %q", tc.in, gotS, tc.want)
		}
	}
}

func TestParseInt(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"2000", 2000, true},
		{"2,000", 2000, true},
		{"1,234,567", 1234567, true},
		{"２０００", 2000, true},
		{"２，０００", 2000, true},
		{" 12 ", 12, true},
		{"2000.00", 2000, true},
		{"2000.", 2000, true},
		{"-5", -5, true},
		{"+5", 5, true},
		{"0", 0, true},
		{"2000.5", 0, false},
		{"20,00", 0, false},
		{"2,0000", 0, false},
		{",200", 0, false},
		{"2 000", 0, false},
		{"1e3", 0, false},
		{"99999999999999999999", 0, false},
		{"", 0, false},
		{"两千", 0, false},
	} {
		got, ok := ParseCellInt(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseInt(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
