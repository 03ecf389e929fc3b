import HTTPTypes

enum HTTPFieldName {
    static let circleToken = HTTPField.Name("Circle-Token")!
}
