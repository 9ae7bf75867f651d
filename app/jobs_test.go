package app_test

import (
	"context"
	"testing"

	"acedesk/app"
	"acedesk/app/apptest"
)

// waitEnd polls until the job leaves the running state; the work functions
// below end on their own, so this terminates.
func waitEnd(t *testing.T, j *app.Jobs, id string, ended <-chan struct{}) app.JobStatus {
	t.Helper()
	<-ended
	for {
		st, err := j.Status(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.State != app.JobRunning {
			return st
		}
	}
}

func TestJobsReportProgressResultsAndCancellation(t *testing.T) {
	j := app.NewJobs(apptest.NewClock(apptest.Start))

	ended := make(chan struct{})
	id := j.Start(func(ctx context.Context, progress app.Progress) (string, []byte, error) {
		defer close(ended)
		for i := 1; i <= 3; i++ {
			progress(i, 3)
		}
		return "a.pdf", []byte("%PDF"), nil
	})
	st := waitEnd(t, j, id, ended)
	name, data, err := j.Result(id)
	if st.State != app.JobDone || st.Done != 3 || st.Total != 3 || st.File != "a.pdf" || name != "a.pdf" || string(data) != "%PDF" || err != nil {
		t.Errorf("done job: %+v, %q %q %v", st, name, data, err)
	}

	started, ended2 := make(chan struct{}), make(chan struct{})
	id2 := j.Start(func(ctx context.Context, progress app.Progress) (string, []byte, error) {
		defer close(ended2)
		close(started)
		<-ctx.Done()
		return "", nil, ctx.Err()
	})
	<-started
	if err := j.Cancel(id2); err != nil {
		t.Fatal(err)
	}
	if st := waitEnd(t, j, id2, ended2); st.State != app.JobCancelled {
		t.Errorf("cancelled job state = %s", st.State)
	}
	if _, _, err := j.Result(id2); app.AsError(err).Reason != "job_not_done" {
		t.Errorf("result of a cancelled job: %v", err)
	}

	ended3 := make(chan struct{})
	id3 := j.Start(func(context.Context, app.Progress) (string, []byte, error) {
		defer close(ended3)
		return "", nil, app.Errorf(app.CodeInvalid, "name_unprintable", "bad name")
	})
	if st := waitEnd(t, j, id3, ended3); st.State != app.JobFailed || st.Error == nil || st.Error.Reason != "name_unprintable" {
		t.Errorf("failed job: %+v", st)
	}
	if _, err := j.Status("nope"); app.AsError(err).Reason != "job_not_found" {
		t.Errorf("unknown job: %v", err)
	}
}
