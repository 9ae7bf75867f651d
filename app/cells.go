package app

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/width"
)

var (
	datePattern   = regexp.MustCompile(`^([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})$`)
	cjkDate       = regexp.MustCompile(`^([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日?$`)
	serialPattern = regexp.MustCompile(`^([0-9]{5})(\.[0-9]+)?$`)
	intPattern    = regexp.MustCompile(`^[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.0*)?$`)
	// excelEpoch is day 0 of Excel's serial dates for every date after
	// 1900-02-28 (Excel counts a 29 February 1900 that never was).
	excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
)

// ParseCellDate reads a date cell as people and spreadsheets write it:
// 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, with full-width digits or a
// time after a space, or an Excel serial number such as 46086. Serials must
// have five digits (1927 to 2173): a four-digit number is more likely a
// year than a day in 1900.
func ParseCellDate(s string) (time.Time, bool) {
	s = width.Narrow.String(strings.TrimSpace(s))
	if m := serialPattern.FindStringSubmatch(s); m != nil {
		days, _ := strconv.Atoi(m[1])
		return excelEpoch.AddDate(0, 0, days), true
	}
	if date, _, ok := strings.Cut(s, " "); ok {
		s = date
	}
	m := datePattern.FindStringSubmatch(s)
	if m == nil {
		m = cjkDate.FindStringSubmatch(s)
	}
	if m == nil {
		return time.Time{}, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	// time.Date rolls 2026-02-30 over to March: refuse it instead.
	if t.Year() != y || int(t.Month()) != mo || t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// ParseCellInt reads a whole number as spreadsheets display it: 2000, 2,000,
// ２０００ (full width) or 2000.00.
func ParseCellInt(s string) (int, bool) {
	s = width.Narrow.String(strings.TrimSpace(s))
	if !intPattern.MatchString(s) {
		return 0, false
	}
	s, _, _ = strings.Cut(s, ".")
	n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
	if err != nil {
		return 0, false
	}
	return n, true
}
