#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

func writeToDescriptor(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}

func closeDescriptor(_ descriptor: Int32) -> Int32 { close(descriptor) }

/// Waits until a non-blocking descriptor (a pipe or terminal some parent made non-blocking)
/// can take more bytes, instead of failing with EAGAIN.
func waitUntilWritable(_ descriptor: Int32) {
  var request = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
  _ = poll(&request, 1, -1)
}

/// Makes sure descriptors 0, 1 and 2 are open before anything else is, so that no file the
/// program opens can become its standard output by accident (with `>&-`, the first file opened
/// would get descriptor 1, and the output would be written into it). A closed standard output
/// gets /dev/null opened *read-only*, so that every write to it still fails and is reported.
func reserveStandardDescriptors() {
  for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
    let opened = open("/dev/null", descriptor == 2 ? O_WRONLY : O_RDONLY)
    if opened >= 0 && opened != descriptor {
      dup2(opened, descriptor)
      close(opened)
    }
  }
}

/// Ends the program with `status` (the C library's exit, which the commands' `exit` hides).
func terminate(_ status: Int32) -> Never { exit(status) }
