{
  "keyId": "sample-demo",
  "algorithm": "Ed25519",
  "signature": "hB7xyCZ6eywpupyUiJ4zp3NCj+I50rITHZUwuXec8BqHghVRO5rllPwf2Ncd8ahJhBqa+5TowWRfPY/umZ6ADQ=="
}
