// Package apptest holds helpers shared by tests of several packages.
package apptest

import (
	"sync"
	"time"
)

// Clock is a settable clock that advances one second per reading, so
// consecutive changes have distinct, predictable times.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock starts at the given time.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

// Set moves the clock to t, for tests of what depends on the day.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// Start is a fixed instant tests begin from.
var Start = time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)

// Shifted is the system clock moved to start at a fixed instant: it runs
// on as real time does, so a command-line test that reads "today" several
// times, in one process or several, sees the same day whenever it runs
// (never a New Year's Eve that turns as it runs).
type Shifted struct{ offset time.Duration }

// NewShifted makes a clock that reads start now.
func NewShifted(start time.Time) Shifted { return Shifted{offset: time.Until(start)} }

func (s Shifted) Now() time.Time { return time.Now().Add(s.offset).Truncate(time.Second) }
