package app

// Progress is how a job reports: done of total steps.
type Progress func(done, total int)
