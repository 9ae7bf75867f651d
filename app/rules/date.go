package rules

import (
	"cmp"
	"fmt"
	"time"
)

// Date is a civil date. The program works in calendar days, so a
// contribution on 31 December belongs to that year wherever the laptop is.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

const dateLayout = "2006-01-02"

// ParseDate reads "2026-03-05" and refuses dates that do not exist.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("date %q: want an existing date written YYYY-MM-DD", s)
	}
	return Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}, nil
}

func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

func (d Date) Before(o Date) bool { return d.compare(o) < 0 }

// Quarter is 1 for January–March through 4 for October–December.
func (d Date) Quarter() int { return (int(d.Month) + 2) / 3 }

func (d Date) compare(o Date) int {
	if c := cmp.Compare(d.Year, o.Year); c != 0 {
		return c
	}
	if c := cmp.Compare(d.Month, o.Month); c != 0 {
		return c
	}
	return cmp.Compare(d.Day, o.Day)
}

// quarterSpan returns the first and last day of a quarter.
func quarterSpan(year, quarter int) (first, last Date) {
	firstMonth := time.Month(3*quarter - 2)
	lastDay := []int{31, 30, 30, 31}[quarter-1] // 31 Mar, 30 Jun, 30 Sep, 31 Dec
	return Date{year, firstMonth, 1}, Date{year, firstMonth + 2, lastDay}
}
