package control

import (
	"unsafe"

	"golang.org/x/sys/windows"
)

// On Windows, the loopback TCP channel of tcp.go.
var (
	listen = listenTCP
	dial   = dialTCP
)

// writePrivate creates path (which must not exist) with an access list that
// lets only the current user (and no inherited entry) open it: a file mode
// means nothing on Windows, and the database may live outside the user's
// profile.
func writePrivate(path string, data []byte) error {
	user, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		return err
	}
	sd, err := windows.SecurityDescriptorFromString("D:P(A;;FA;;;" + user.User.Sid.String() + ")")
	if err != nil {
		return err
	}
	sa := windows.SecurityAttributes{SecurityDescriptor: sd}
	sa.Length = uint32(unsafe.Sizeof(sa))
	name, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	h, err := windows.CreateFile(name, windows.GENERIC_WRITE, 0, &sa, windows.CREATE_NEW, windows.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		return err
	}
	var n uint32
	err = windows.WriteFile(h, data, &n, nil)
	if cerr := windows.CloseHandle(h); err == nil {
		err = cerr
	}
	return err
}
