package service

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"sync"
	"time"

	"acedesk/app"
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
	File  string     `json:"file"`
	Error *app.Error `json:"error"`
}

// job is one long task running in the background.
type job struct {
	mu     sync.Mutex
	status JobStatus
	data   []byte
	cancel context.CancelFunc
	ended  time.Time
}

// Jobs runs long tasks (a batch of certificates, an export, a merge) in
// the background so the UI can show progress and cancel them; JobService
// is the UI's one way to follow any of them. Finished jobs are kept for a
// while for their result to be fetched. A job that fails with an internal
// error logs it: the user only sees that something went wrong.
type Jobs struct {
	mu    sync.Mutex
	jobs  map[string]*job
	clock app.Clock
	log   *slog.Logger
}

// jobKeep is how long a finished job's result stays fetchable.
const jobKeep = 30 * time.Minute

// NewJobs makes the one job runner of a set of services.
func NewJobs(clock app.Clock, log *slog.Logger) *Jobs {
	return &Jobs{jobs: map[string]*job{}, clock: clock, log: log}
}

// Start runs work in the background and returns its ID at once: random,
// so that a job's result is only for whoever started it. what says what
// the job does, in the log. work gets a context cancelled by Cancel and a
// progress callback; it returns the result's file name and bytes.
func (j *Jobs) Start(what string, work func(ctx context.Context, progress app.Progress) (string, []byte, error)) string {
	ctx, cancel := context.WithCancel(context.Background())
	var raw [16]byte
	rand.Read(raw[:])
	id := hex.EncodeToString(raw[:])
	j.mu.Lock()
	j.forgetOld()
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
			jb.status.State, jb.status.Error = JobFailed, app.AsError(err)
			if jb.status.Error.Code == app.CodeInternal {
				j.log.Error("job failed", "job", what, "err", err)
			}
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
		return "", nil, app.Errorf(app.CodeConflict, "job_not_done", "job %s has no result (%s)", id, jb.status.State).WithParams("state", jb.status.State)
	}
	return jb.status.File, jb.data, nil
}

func (j *Jobs) get(id string) (*job, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	jb, ok := j.jobs[id]
	if !ok {
		return nil, app.Errorf(app.CodeNotFound, "job_not_found", "no job %s", id)
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
