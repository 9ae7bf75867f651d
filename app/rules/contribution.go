package rules

// Status is where a contribution stands in review; only approved ones count.
type Status string

const (
	StatusPending  Status = "pending"
	StatusApproved Status = "approved"
	StatusRejected Status = "rejected"
)

// Contribution is one thing a member did that may earn points.
type Contribution struct {
	ID       uint64
	MemberID uint64
	Kind     string
	Date     Date
	// Quantity is the number of beans for forum_beans, else the number of
	// items, normally 1. Below 1 it reads as 1: the zero value means one
	// item, and a negative number must never take points away.
	Quantity int
	Status   Status
	// Override, set by a person with a reason kept elsewhere, replaces the
	// points this contribution computes to. Below 0 it reads as 0.
	Override *int
}
