import Foundation
import XieshangServer

exit(await Entrypoint.main())
