package rules

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    Date
		wantErr bool
	}{
		{"2026-03-05", Date{2026, time.March, 5}, false},
		{"2024-02-29", Date{2024, time.February, 29}, false},
		{"2025-12-31", Date{2025, time.December, 31}, false},
		{"2026-02-29", Date{}, true},
		{"2026-13-01", Date{}, true},
		{"2026-3-5", Date{}, true},
		{"2026-03-05T00:00:00Z", Date{}, true},
		{"", Date{}, true},
	} {
		got, err := ParseDate(tc.in)
		if got != tc.want || (err != nil) != tc.wantErr {
			t.Errorf("ParseDate(%q) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.wantErr)
		}
	}
}

func TestDateStringRoundTrips(t *testing.T) {
	for _, s := range []string{"2026-03-05", "2025-12-31", "0999-01-01"} {
		if got := day(s).String(); got != s {
			t.Errorf("String() = %q, want %q", got, s)
		}
	}
}

func TestDateBefore(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"2025-12-31", "2026-01-01", true},
		{"2026-01-31", "2026-02-01", true},
		{"2026-02-01", "2026-02-02", true},
		{"2026-02-02", "2026-02-02", false},
		{"2026-02-03", "2026-02-02", false},
		{"2026-03-01", "2026-02-28", false},
		{"2027-01-01", "2026-12-31", false},
	} {
		if got := day(tc.a).Before(day(tc.b)); got != tc.want {
			t.Errorf("%s.Before(%s) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestDateQuarter(t *testing.T) {
	for _, tc := range []struct {
		date string
		want int
	}{
		{"2026-01-01", 1}, {"2026-03-31", 1}, {"2026-04-01", 2}, {"2026-06-30", 2},
		{"2026-07-01", 3}, {"2026-09-30", 3}, {"2026-10-01", 4}, {"2026-12-31", 4},
	} {
		if got := day(tc.date).Quarter(); got != tc.want {
			t.Errorf("%s.Quarter() = %d, want %d", tc.date, got, tc.want)
		}
	}
}

func TestQuarterSpanMatchesQuarter(t *testing.T) {
	for q := 1; q <= 4; q++ {
		first, last := quarterSpan(year, q)
		next := time.Date(last.Year, last.Month, last.Day+1, 0, 0, 0, 0, time.UTC)
		if first.Quarter() != q || last.Quarter() != q || first.Day != 1 || next.Day() != 1 {
			t.Errorf("quarterSpan(%d) = %v … %v, not the whole quarter", q, first, last)
		}
	}
}
