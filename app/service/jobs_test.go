package service_test

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"acedesk/app"
	"acedesk/app/apptest"
	"acedesk/app/service"
)

// waitEnd polls until the job leaves the running state; the work functions
// below end on their own, so this terminates.
func waitEnd(t *testing.T, j *service.Jobs, id string, ended <-chan struct{}) service.JobStatus {
	t.Helper()
	<-ended
	for {
		st, err := j.Status(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.State != service.JobRunning {
			return st
		}
	}
}

func TestJobsReportProgressResultsAndCancellation(t *testing.T) {
	j := service.NewJobs(apptest.NewClock(apptest.Start), slog.New(slog.DiscardHandler))

	ended := make(chan struct{})
	id := j.Start("test", func(ctx context.Context, progress app.Progress) (string, []byte, error) {
		defer close(ended)
		for i := 1; i <= 3; i++ {
			progress(i, 3)
		}
		return "a.pdf", []byte("%PDF"), nil
	})
	st := waitEnd(t, j, id, ended)
	name, data, err := j.Result(id)
	if st.State != service.JobDone || st.Done != 3 || st.Total != 3 || st.File != "a.pdf" || name != "a.pdf" || string(data) != "%PDF" || err != nil {
		t.Errorf("done job: %+v, %q %q %v", st, name, data, err)
	}

	started, ended2 := make(chan struct{}), make(chan struct{})
	id2 := j.Start("test", func(ctx context.Context, progress app.Progress) (string, []byte, error) {
		defer close(ended2)
		close(started)
		<-ctx.Done()
		return "", nil, ctx.Err()
	})
	<-started
	if err := j.Cancel(id2); err != nil {
		t.Fatal(err)
	}
	if st := waitEnd(t, j, id2, ended2); st.State != service.JobCancelled {
		t.Errorf("cancelled job state = %s", st.State)
	}
	if _, _, err := j.Result(id2); app.AsError(err).Reason != "job_not_done" {
		t.Errorf("result of a cancelled job: %v", err)
	}

	ended3 := make(chan struct{})
	id3 := j.Start("test", func(context.Context, app.Progress) (string, []byte, error) {
		defer close(ended3)
		return "", nil, app.Errorf(app.CodeInvalid, "name_unprintable", "bad name")
	})
	if st := waitEnd(t, j, id3, ended3); st.State != service.JobFailed || st.Error == nil || st.Error.Reason != "name_unprintable" {
		t.Errorf("failed job: %+v", st)
	}
	if _, err := j.Status("nope"); app.AsError(err).Reason != "job_not_found" {
		t.Errorf("unknown job: %v", err)
	}
}

// A job that fails for a reason the user cannot act on logs the detail,
// which the UI only calls an internal error; a refusal the UI translates
// is not logged.
func TestFailedJobsLogTheirInternalErrors(t *testing.T) {
	var logged strings.Builder
	j := service.NewJobs(apptest.NewClock(apptest.Start), slog.New(slog.NewTextHandler(&logged, nil)))
	for _, err := range []error{errors.New("pdf: render: disk full"), app.Errorf(app.CodeInvalid, "name_unprintable", "bad name 𠮷")} {
		ended := make(chan struct{})
		id := j.Start("certificates", func(context.Context, app.Progress) (string, []byte, error) {
			defer close(ended)
			return "", nil, err
		})
		if st := waitEnd(t, j, id, ended); st.State != service.JobFailed {
			t.Fatalf("job state = %s", st.State)
		}
	}
	if got := logged.String(); !strings.Contains(got, "job=certificates") || !strings.Contains(got, "disk full") || strings.Contains(got, "bad name") {
		t.Errorf("log = %q, want the internal error only, with its job", got)
	}
}
