package service

// JobService follows the jobs any service started in the background: the
// UI's one poller asks it for progress, cancels through it and fetches
// the finished file.
type JobService struct {
	jobs *Jobs
}

// Status is a job's progress.
func (s *JobService) Status(id string) (JobStatus, error) { return s.jobs.Status(id) }

// Cancel stops a running job; cancelling a finished one does nothing.
func (s *JobService) Cancel(id string) error { return s.jobs.Cancel(id) }

// Result is a finished job's file.
func (s *JobService) Result(id string) (FileResult, error) {
	name, data, err := s.jobs.Result(id)
	return FileResult{Name: name, Data: data}, err
}
