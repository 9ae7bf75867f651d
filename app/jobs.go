package app

import (
	"context"
	"strconv"
	"sync"
	"time"
)

// Job states.
const (
	JobRunning   = "running"
	JobDone      = "done"
	JobFailed    = "failed"
	JobCancelled = "cancelled"
)

// JobStatus is what the UI polls to draw a progress bar.
type JobStatus struct {
	ID    string `json:"id"`
	State string `json:"state"`
	Done  int    `json:"done"`
	Total int    `json:"total"`
	// File names the result once done; the UI fetches it with Result.
	File  string `json:"file"`
	Error *Error `json:"error"`
}

// Progress is how a job reports: done of total steps.
type Progress func(done, total int)

// job is one long task running in the background.
type job struct {
	mu     sync.Mutex
	status JobStatus
	data   []byte
	cancel context.CancelFunc
	ended  time.Time
}

// Jobs runs long tasks (a batch of certificates) in the background so the
// UI can show progress and cancel them. Finished jobs are kept for a while
// for their result to be fetched.
type Jobs struct {
	mu    sync.Mutex
	next  int
	jobs  map[string]*job
	clock Clock
}

// jobKeep is how long a finished job's result stays fetchable.
const jobKeep = 30 * time.Minute

func NewJobs(clock Clock) *Jobs { return &Jobs{jobs: map[string]*job{}, clock: clock} }

// Start runs work in the background and returns its ID at once. work gets
// a context cancelled by Cancel and a progress callback; it returns the
// result's file name and bytes.
func (j *Jobs) Start(work func(ctx context.Context, progress Progress) (string, []byte, error)) string {
	ctx, cancel := context.WithCancel(context.Background())
	j.mu.Lock()
	j.forgetOld()
	j.next++
	id := strconv.Itoa(j.next)
	jb := &job{status: JobStatus{ID: id, State: JobRunning}, cancel: cancel}
	j.jobs[id] = jb
	j.mu.Unlock()

	go func() {
		defer cancel()
		name, data, err := work(ctx, func(done, total int) {
			jb.mu.Lock()
			jb.status.Done, jb.status.Total = done, total
			jb.mu.Unlock()
		})
		jb.mu.Lock()
		defer jb.mu.Unlock()
		jb.ended = j.clock.Now()
		switch {
		case ctx.Err() != nil:
			jb.status.State = JobCancelled
		case err != nil:
			jb.status.State, jb.status.Error = JobFailed, AsError(err)
		default:
			jb.status.State, jb.status.File, jb.data = JobDone, name, data
		}
	}()
	return id
}

// Status reports a job's progress.
func (j *Jobs) Status(id string) (JobStatus, error) {
	jb, err := j.get(id)
	if err != nil {
		return JobStatus{}, err
	}
	jb.mu.Lock()
	defer jb.mu.Unlock()
	return jb.status, nil
}

// Cancel stops a running job; cancelling a finished one does nothing.
func (j *Jobs) Cancel(id string) error {
	jb, err := j.get(id)
	if err != nil {
		return err
	}
	jb.cancel()
	return nil
}

// Result returns a finished job's file name and bytes.
func (j *Jobs) Result(id string) (string, []byte, error) {
	jb, err := j.get(id)
	if err != nil {
		return "", nil, err
	}
	jb.mu.Lock()
	defer jb.mu.Unlock()
	if jb.status.State != JobDone {
		return "", nil, Errorf(CodeConflict, "job_not_done", "job %s has no result (%s)", id, jb.status.State).WithParams("state", jb.status.State)
	}
	return jb.status.File, jb.data, nil
}

func (j *Jobs) get(id string) (*job, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	jb, ok := j.jobs[id]
	if !ok {
		return nil, Errorf(CodeNotFound, "job_not_found", "no job %s", id)
	}
	return jb, nil
}

// forgetOld drops finished jobs older than jobKeep; j.mu is held.
func (j *Jobs) forgetOld() {
	now := j.clock.Now()
	for id, jb := range j.jobs {
		jb.mu.Lock()
		old := jb.status.State != JobRunning && now.Sub(jb.ended) > jobKeep
		jb.mu.Unlock()
		if old {
			delete(j.jobs, id)
		}
	}
}
