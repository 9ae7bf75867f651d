package app

import "time"

// Clock lets tests fix "now".
type Clock interface{ Now() time.Time }

// SystemClock is the real clock, truncated to the second so stored times
// round-trip exactly through JSON and the UI.
type SystemClock struct{}

func (SystemClock) Now() time.Time { return time.Now().Truncate(time.Second) }
