import XieshangServer

try await Entrypoint.main()
