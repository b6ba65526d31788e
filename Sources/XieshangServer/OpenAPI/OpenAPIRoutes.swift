import Vapor

/// Serves the OpenAPI 3 document that describes `/api/v1`; a test keeps it in step with
/// the registered routes.
struct OpenAPIRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.API.openAPI.routePath, use: document)
    }

    static let documentData: Data = {
        guard let url = Bundle.module.url(forResource: "Resources/openapi", withExtension: "json"),
              let data = try? Data(contentsOf: url) else { return Data("{}".utf8) }
        return data
    }()

    func document(req: Request) async throws -> Response {
        let res = Response(status: .ok, body: .init(data: Self.documentData))
        res.headers.contentType = .json
        return res
    }
}
